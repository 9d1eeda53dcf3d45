import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const sizeLimitCommand = fileURLToPath(
  new URL('../../node_modules/size-limit/bin.js', import.meta.url),
);
const runFile = promisify(execFile);

interface ConfiguredCheck {
  name: string;
  limit?: string;
}

/** One entry of the report that `size-limit --json` prints; sizes are in bytes. */
interface SizeLimitResult {
  name: string;
  size: number;
  passed?: boolean;
  sizeLimit?: number;
}

const configuredChecks = JSON.parse(
  readFileSync(new URL('../../.size-limit.json', import.meta.url), 'utf8'),
) as ConfiguredCheck[];
const limitedChecks = configuredChecks.filter((check) => check.limit !== undefined);

/**
 * Runs the size-limit command on .size-limit.json. Its esbuild plugin bundles into a folder under
 * the system's temporary folder and deletes it when done.
 */
async function runSizeLimit(): Promise<SizeLimitResult[]> {
  let stdout: string;
  try {
    ({ stdout } = await runFile(process.execPath, [sizeLimitCommand, '--json'], {
      cwd: projectRoot,
      timeout: 50_000,
    }));
  } catch (error) {
    // size-limit exits with status 1 when a check is over its limit and still prints the report.
    const output = (error as { stdout?: unknown }).stdout;
    if (typeof output !== 'string' || !output.trimStart().startsWith('[')) throw error;
    stdout = output;
  }
  return JSON.parse(stdout) as SizeLimitResult[];
}

describe('package size', () => {
  let results: SizeLimitResult[] = [];

  beforeAll(async () => {
    results = await runSizeLimit();
  }, 60_000);

  it('config limits both bundles', () => {
    expect(limitedChecks.length).toBeGreaterThanOrEqual(2);
  });

  it.each(limitedChecks.map((check) => [check.name, check.limit] as const))(
    '%s within %s gzip',
    (name, limit) => {
      const result = results.find((entry) => entry.name === name);
      expect(result, `size-limit printed no result for "${name}"`).toBeDefined();
      if (result === undefined) return;

      const measured = `${(result.size / 1024).toFixed(2)} KiB (${result.size} B)`;
      expect(result.sizeLimit, `size-limit parsed no limit from "${limit}"`).toBeTypeOf('number');
      expect(
        result.size,
        `"${name}" is ${measured} minified and gzipped, over ${limit}`,
      ).toBeLessThanOrEqual(result.sizeLimit ?? 0);
    },
  );
});
