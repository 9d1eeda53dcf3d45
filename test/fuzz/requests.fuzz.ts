import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { LanguageId } from '../../src/snippets';
import { requestTemplateArbitrary } from './arbitraries';
import { findRuntimes, type Runtime } from './batch-runner';
import { formatMismatches, type Mismatch, runTemplates } from './run-cases';

/*
 * The long run of the property tests: batches of generated requests until each language has run
 * FUZZ_REQUESTS programs (20,000 by default). Each batch runs in one cURL runtime and one Python
 * runtime at the same time, taken in turn, so that every shell, mode and interpreter gets its
 * share. FUZZ_SEED repeats a run, and the run fails once it takes longer than FUZZ_MINUTES.
 */

const requestsPerLanguage = Number(process.env.FUZZ_REQUESTS ?? 20_000);
const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const timeLimitMs = Number(process.env.FUZZ_MINUTES ?? 40) * 60_000;
const batchSize = 250;

it('sends every generated request as described', async () => {
  const runtimes = findRuntimes();
  const byLanguage = (language: LanguageId) => runtimes.filter((r) => r.language === language);
  const curlRuntimes = byLanguage('curl');
  const pythonRuntimes = byLanguage('python');
  const templates = requestTemplateArbitrary({ hugeWeight: 1 });

  const executed: Record<LanguageId, number> = { python: 0, curl: 0 };
  const executedByRuntime = new Map<string, number>();
  const skippedByRuntime = new Map<string, number>();
  const failedTemplates: Record<LanguageId, Set<unknown>> = { python: new Set(), curl: new Set() };
  const mismatches: Mismatch[] = [];
  let rejected = 0;
  let generated = 0;
  const started = performance.now();
  console.log(
    `Fuzzing with seed ${seed} until each language has run ${requestsPerLanguage} requests, in ${runtimes.map((r) => r.name).join(', ')}.`,
  );

  for (
    let batch = 0;
    executed.curl < requestsPerLanguage || executed.python < requestsPerLanguage;
    batch += 1
  ) {
    if (performance.now() - started > timeLimitMs) {
      throw new Error(
        `The fuzz run timed out after ${timeLimitMs / 60_000} minutes, at batch ${batch}. Set FUZZ_MINUTES to allow longer.`,
      );
    }

    const pair = [
      curlRuntimes[batch % curlRuntimes.length] as Runtime,
      pythonRuntimes[batch % pythonRuntimes.length] as Runtime,
    ];
    const sample = fc.sample(templates, { numRuns: batchSize, seed: seed + batch });
    const report = await runTemplates(sample, pair, 2);

    generated += sample.length;
    rejected += report.rejected;
    executed.curl += report.executed.curl;
    executed.python += report.executed.python;
    for (const runtime of pair) {
      const count = report.executed[runtime.language];
      executedByRuntime.set(runtime.name, (executedByRuntime.get(runtime.name) ?? 0) + count);
    }
    for (const [name, count] of report.skipped) {
      skippedByRuntime.set(name, (skippedByRuntime.get(name) ?? 0) + count);
    }
    for (const mismatch of report.mismatches) {
      mismatches.push(mismatch);
      const languages = pair
        .filter((r) => mismatch.runtimes.includes(r.name))
        .map((r) => r.language);
      // A problem found before anything ran counts against both languages.
      for (const language of languages.length === 0 ? (['curl', 'python'] as const) : languages) {
        failedTemplates[language].add(mismatch.template);
      }
    }
    if (batch % 10 === 9) {
      console.log(
        `${Math.round((performance.now() - started) / 1000)} s: ${executed.curl} cURL and ${executed.python} Python requests, ${mismatches.length} problems.`,
      );
    }
  }

  const seconds = (performance.now() - started) / 1000;
  const perRuntime = [...executedByRuntime].map(([name, count]) => `${name} ${count}`).join(', ');
  const skipped = [...skippedByRuntime].map(([name, count]) => `${name} ${count}`).join(', ');
  console.log(
    [
      `Seed ${seed}: ${generated} requests generated, ${rejected} rejected as invalid, as the model expects.`,
      `cURL: ${executed.curl} requests executed, ${failedTemplates.curl.size} failed.`,
      `Python: ${executed.python} requests executed, ${failedTemplates.python.size} failed.`,
      `By runtime: ${perRuntime}.`,
      `Skipped for a line over the runtime's limit: ${skipped === '' ? 'none' : skipped}.`,
      `Wall time: ${seconds.toFixed(1)} s.`,
    ].join('\n'),
  );

  expect(formatMismatches(mismatches, 20), `seed ${seed}`).toBe('');
});
