import { cleanup, render, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { InferencePanel, type LanguageId, type SnippetRequest } from '../../src';
import { buildRequest, requestTemplateArbitrary } from '../fuzz/arbitraries';
import { expectedInvalidFields } from '../fuzz/reference';
import { generateScripts, getCodeTexts } from './support';

/** The panel sends nothing, and a base URL on 127.0.0.1 keeps any mistake on this machine. */
const origin = 'http://127.0.0.1:9';
const languageLabels: Record<LanguageId, string> = { python: 'Python', curl: 'cURL' };

type Action =
  | { readonly kind: 'language'; readonly language: LanguageId }
  | { readonly kind: 'secrets' }
  | { readonly kind: 'copy' };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.constantFrom('python', 'curl').map((language) => ({ kind: 'language', language }) as const),
  fc.constant({ kind: 'secrets' } as const),
  fc.constant({ kind: 'copy' } as const),
);

/**
 * A token long and random enough that no other generated field contains it, with characters
 * that HTML, Python and the shell escape after its first 20 characters.
 */
const token = fc
  .tuple(
    fc.stringMatching(/^[A-Za-z0-9]{16}$/),
    fc.constantFrom('', "'", '"', '<&>', '$!`', '\\'),
    fc.constantFrom('', ' ', '\n'),
  )
  .map(([core, special, padding]) => `${padding}tok_${core}${special}${padding}`);

const props = fc
  .tuple(requestTemplateArbitrary({ methods: ['GET'] }), token)
  .map(([template, tokenText]) => {
    const { method: _method, ...request } = buildRequest({ ...template, token: tokenText }, origin);
    return request;
  });

function panelElement(container: HTMLElement, slot: string, text?: string): HTMLElement {
  const elements = Array.from(container.querySelectorAll<HTMLElement>(`[data-slot="${slot}"]`));
  const element = elements.find(
    (candidate) => text === undefined || candidate.textContent === text,
  );
  if (element === undefined) throw new Error(`The panel has no ${slot} ${text ?? ''}.`);
  return element;
}

/** Asserts that the token is in no text or attribute of the document, nor in the copied text. */
function expectTokenHidden(secret: string, copied: string | undefined) {
  expect(document.body.textContent).not.toContain(secret);
  for (const element of document.body.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      expect(attribute.value, `attribute ${attribute.name}`).not.toContain(secret);
    }
  }
  if (copied !== undefined) expect(copied).not.toContain(secret);
}

describe('panel property', () => {
  test('copies the code it shows and hides the token', async () => {
    let copies = 0;

    await fc.assert(
      fc.asyncProperty(props, fc.array(action, { maxLength: 6 }), async (request, actions) => {
        const user = userEvent.setup();
        const { container } = render(<InferencePanel {...request} />);
        const secret = (request.token as string).trim();
        const valid =
          expectedInvalidFields({ ...request, method: 'POST' } as SnippetRequest).size === 0;
        let language: LanguageId = 'python';
        let showSecrets = false;

        try {
          for (const step of [...actions, { kind: 'copy' } as const]) {
            if (step.kind === 'language') {
              const option = panelElement(
                container,
                'language-option',
                languageLabels[step.language],
              );
              await user.click(option);
              language = step.language;
            } else if (step.kind === 'secrets') {
              await user.click(panelElement(container, 'secrets-switch'));
              showSecrets = !showSecrets;
            }

            const copyButton = panelElement(container, 'copy-button') as HTMLButtonElement;
            expect(copyButton.disabled).toBe(!valid);
            let copied: string | undefined;
            if (step.kind === 'copy' && valid) {
              await navigator.clipboard.writeText('');
              await user.click(copyButton);
              await waitFor(() =>
                expect(panelElement(container, 'copy-status').dataset.state).toBe('copied'),
              );
              copied = await navigator.clipboard.readText();
              copies += 1;

              expect(copied).toBe(getCodeTexts(container).join('\n\n'));
            }
            if (valid) {
              const scripts = generateScripts(request, language, showSecrets);
              expect(getCodeTexts(container)).toEqual([scripts.GET, scripts.POST]);
            }
            if (!showSecrets) expectTokenHidden(secret, copied);
            // The first 20 characters are letters, digits and '_', which no language escapes.
            if (showSecrets && valid)
              expect(getCodeTexts(container)[0]).toContain(secret.slice(0, 20));
          }
        } finally {
          cleanup();
        }
      }),
      { numRuns: 40 },
    );

    expect(copies).toBeGreaterThan(10);
  }, 60_000);
});
