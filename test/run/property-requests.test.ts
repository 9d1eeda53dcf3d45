import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HttpMethod } from '../../src/snippets';
import { buildRequest, requestTemplateArbitrary } from '../fuzz/arbitraries';
import { findRuntimes } from '../fuzz/batch-runner';
import { assertTemplatesRun } from '../fuzz/property-support';
import { checkGeneration } from '../fuzz/run-cases';

const runtimes = findRuntimes();

describe('generated requests', () => {
  it('run as described in every runtime', async () => {
    const totals = await assertTemplatesRun(requestTemplateArbitrary(), {
      numRuns: 10,
      maxBatch: 40,
      runtimes,
      timeLimitMs: 100_000,
    });

    expect(totals.executed).toBeGreaterThan(0);
    expect(totals.rejected).toBeGreaterThan(0);
  }, 120_000);

  it('are rejected alike for invalid input', () => {
    // Invalid fields are five times as likely here, and nothing runs, so many more requests fit.
    const templates = requestTemplateArbitrary({
      invalidWeight: 5,
      methods: ['GET', 'POST', 'PUT', 'get', ''] as unknown as HttpMethod[],
    });
    let rejected = 0;
    let accepted = 0;

    fc.assert(
      fc.property(templates, (template) => {
        const { problems, programs } = checkGeneration(
          buildRequest(template, 'http://127.0.0.1:9'),
        );
        if (programs === undefined) rejected += 1;
        else accepted += 1;

        expect(problems).toEqual([]);
      }),
      { numRuns: 3000 },
    );

    expect(rejected).toBeGreaterThan(600);
    expect(accepted).toBeGreaterThan(300);
  }, 60_000);
});
