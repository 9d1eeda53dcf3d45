import { describe, expect, it } from 'vitest';
import { generateSnippet, languageIds, secretMask } from '../../src/snippets';
import { buildRequestFixtures, snapshotOrigin } from '../fixtures/requests';

const fixtures = buildRequestFixtures(snapshotOrigin);
const secretStates = [
  ['masked', false],
  ['shown', true],
] as const;

describe.each(languageIds)('%s snapshots', (language) => {
  for (const fixture of fixtures.filter((candidate) => candidate.snapshot)) {
    for (const [state, showSecrets] of secretStates) {
      it(`writes ${fixture.name} with the token ${state}`, async () => {
        const code = generateSnippet(fixture.request, language, { showSecrets });

        await expect(code).toMatchFileSnapshot(
          `./__snapshots__/${fixture.name}.${language}.${state}.txt`,
        );
      });
    }
  }
});

describe('masked code', () => {
  it('never contains the token', () => {
    let checked = 0;

    for (const fixture of fixtures) {
      const token = fixture.request.token?.trim() ?? '';
      if (token === '') continue;

      for (const language of languageIds) {
        const code = generateSnippet(fixture.request, language);
        const label = `${fixture.name} in ${language}`;

        expect(code, label).not.toContain(token);
        expect(code, label).toContain(`Bearer ${secretMask}`);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('contains the token when shown', () => {
    for (const fixture of fixtures) {
      const token = fixture.request.token?.trim() ?? '';
      if (token === '') continue;

      const code = generateSnippet(fixture.request, 'curl', { showSecrets: true });
      const quotedToken = token.replaceAll("'", "'\\''");

      expect(code, fixture.name).toContain(`'Authorization: Bearer ${quotedToken}'`);
    }
  });
});
