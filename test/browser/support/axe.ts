import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AxeResults, Result, RunOptions } from 'axe-core';
import type { Page } from 'playwright';

const require = createRequire(import.meta.url);
let axeSource: Promise<string> | undefined;

/** The rule tags the audits run: WCAG 2.0 to 2.2 at levels A and AA, and axe's best practices. */
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** The rules that found at least one element to check, over every audit in this worker. */
export const checkedRuleIds = new Set<string>();

/** Runs axe-core on the whole page and returns its results. */
export async function runAxe(page: Page): Promise<AxeResults> {
  axeSource ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  const source = await axeSource;

  const alreadyLoaded = await page.evaluate(() => 'axe' in window);
  if (!alreadyLoaded) await page.addScriptTag({ content: source });

  const options: RunOptions = { runOnly: { type: 'tag', values: axeTags } };
  const results = await page.evaluate(
    (runOptions) =>
      (
        window as unknown as {
          axe: { run: (context: Document, options: RunOptions) => Promise<AxeResults> };
        }
      ).axe.run(document, runOptions),
    options,
  );

  for (const result of [...results.passes, ...results.violations, ...results.incomplete]) {
    checkedRuleIds.add(result.id);
  }
  return results;
}

/** Formats violations as one line per element, for a readable assertion failure. */
export function describeViolations(violations: readonly Result[]): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? 'no impact'}): ${node.target.join(' ')}: ${node.failureSummary ?? violation.help}`,
    ),
  );
}
