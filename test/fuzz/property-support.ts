import fc from 'fast-check';
import type { RequestTemplate } from './arbitraries';
import type { Runtime } from './batch-runner';
import { formatMismatches, type RunReport, runTemplates } from './run-cases';

/** Options for {@link assertTemplatesRun}. */
export interface RunPropertyOptions {
  /** The number of batches to generate and run. */
  readonly numRuns: number;
  /** The largest number of templates in one batch. */
  readonly maxBatch: number;
  readonly runtimes: readonly Runtime[];
  /**
   * Milliseconds after which fast-check stops, shrinking included. A failure found by then is
   * still reported, with the smallest counterexample reached.
   */
  readonly timeLimitMs: number;
}

/** What the runs of a property did together. */
export interface RunTotals {
  executed: number;
  rejected: number;
}

/**
 * Asserts that every batch of templates from `templates` passes {@link runTemplates}: the module
 * accepts exactly the valid ones, and each accepted one sends the described request in every
 * runtime. Each batch runs in one process per runtime, because a process per template would take
 * minutes. Returns how many programs ran and how many templates the module rejected.
 */
export async function assertTemplatesRun(
  templates: fc.Arbitrary<RequestTemplate>,
  options: RunPropertyOptions,
): Promise<RunTotals> {
  const totals: RunTotals = { executed: 0, rejected: 0 };
  // Shrinking runs the property again for every smaller batch it tries. Once a run has failed, only
  // the runtimes that showed the failure take part, which keeps shrinking fast. That is sound,
  // because any failure found with fewer runtimes is a failure with all of them.
  let focus: readonly Runtime[] = options.runtimes;

  await fc.assert(
    fc.asyncProperty(
      fc.array(templates, { minLength: 1, maxLength: options.maxBatch, size: 'max' }),
      async (batch) => {
        const report = await runTemplates(batch, focus);
        totals.executed += report.executed.curl + report.executed.python;
        totals.rejected += report.rejected;

        if (report.mismatches.length > 0) {
          focus = runtimesInvolved(report, options.runtimes);
          throw new Error(
            `${report.mismatches.length} problems, the first ones:\n${formatMismatches(report.mismatches)}`,
          );
        }
      },
    ),
    { numRuns: options.numRuns, interruptAfterTimeLimit: options.timeLimitMs },
  );
  return totals;
}

function runtimesInvolved(report: RunReport, runtimes: readonly Runtime[]): Runtime[] {
  const names = new Set(report.mismatches.flatMap((mismatch) => mismatch.runtimes));
  // A problem in code generation shows without running anything.
  return runtimes.filter((runtime) => names.has(runtime.name));
}
