import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ComparisonTolerance, compareImages, decodePng, encodePng } from './png';

/** The committed baseline PNGs. */
export const baselineDir = fileURLToPath(new URL('../__screenshots__/', import.meta.url));

/** Where a failed comparison writes the actual screenshot and the diff, a directory git ignores. */
export const resultsDir = join(process.cwd(), 'test-results', 'browser', 'screenshots');

/**
 * Set UPDATE_SCREENSHOTS=1 to write every screenshot as its new baseline instead of comparing.
 * A baseline that does not exist yet fails the comparison otherwise.
 */
const updateBaselines = process.env.UPDATE_SCREENSHOTS === '1';

/**
 * The default tolerance. A channel may differ by 24 of 255, and a pixel may also take any colour
 * in the range of the baseline's pixels around it, which absorbs glyph edges shaded differently
 * or moved by a pixel. Beyond that, 0.1% of the pixels may differ. A new border colour or a
 * half-pixel shift of the layout exceeds this, but a slightly changed colour on sparse text,
 * such as the keyword colour, can stay under it.
 */
export const defaultTolerance: ComparisonTolerance = {
  channelThreshold: 24,
  maxDifferentRatio: 0.001,
};

/** The outcome of {@link matchBaseline}. `problem` is undefined when the screenshot matches. */
export interface BaselineResult {
  problem: string | undefined;
  baselinePath: string;
}

/**
 * Compares a screenshot with the baseline `{name}.png`. On a mismatch it writes
 * `{name}-actual.png` and `{name}-diff.png` to {@link resultsDir} and describes the difference.
 */
export async function matchBaseline(
  name: string,
  screenshot: Buffer,
  tolerance: ComparisonTolerance = defaultTolerance,
): Promise<BaselineResult> {
  const baselinePath = join(baselineDir, `${name}.png`);

  if (updateBaselines) {
    await mkdir(baselineDir, { recursive: true });
    await writeFile(baselinePath, screenshot);
    return { problem: undefined, baselinePath };
  }
  if (!existsSync(baselinePath)) {
    return {
      problem: `Missing baseline ${baselinePath}. Run the test with UPDATE_SCREENSHOTS=1 to write it, then review and commit it.`,
      baselinePath,
    };
  }

  const expected = decodePng(await readFile(baselinePath));
  const actual = decodePng(screenshot);
  await mkdir(resultsDir, { recursive: true });
  const actualPath = join(resultsDir, `${name}-actual.png`);

  if (expected.width !== actual.width || expected.height !== actual.height) {
    await writeFile(actualPath, screenshot);
    return {
      problem: `Screenshot ${name} is ${actual.width}×${actual.height} px, but the baseline is ${expected.width}×${expected.height} px. See ${actualPath}.`,
      baselinePath,
    };
  }

  const comparison = compareImages(expected, actual, tolerance.channelThreshold);
  if (comparison.ratio <= tolerance.maxDifferentRatio) return { problem: undefined, baselinePath };

  const diffPath = join(resultsDir, `${name}-diff.png`);
  await writeFile(actualPath, screenshot);
  await writeFile(diffPath, encodePng(comparison.diff));
  const percent = (comparison.ratio * 100).toFixed(3);
  return {
    problem: `Screenshot ${name} differs from its baseline in ${comparison.differentPixels} pixels (${percent}%, at most ${tolerance.maxDifferentRatio * 100}% allowed). See ${actualPath} and ${diffPath}; run with UPDATE_SCREENSHOTS=1 if the change is intended.`,
    baselinePath,
  };
}
