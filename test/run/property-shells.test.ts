import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSnippet } from '../../src/snippets';
import { requestTemplateArbitrary, unitsFrom } from '../fuzz/arbitraries';
import { findRuntimes, type Runtime, runBatch } from '../fuzz/batch-runner';
import { assertTemplatesRun } from '../fuzz/property-support';
import { type EchoServer, startEchoServer } from './echo-server';

const runtimes = findRuntimes();
const byName = (...names: string[]) => runtimes.filter((runtime) => names.includes(runtime.name));
const interactive = runtimes.filter(
  (runtime) => runtime.mode === 'interactive' || runtime.mode === 'paste',
);

/**
 * Words that bash and zsh read as history expansion when nothing quotes them, and the quotes and
 * substitutions that bash's history expansion tracks.
 */
const historyUnit = fc.constantFrom(
  '!',
  '!!',
  '!$',
  '!-1',
  '!#',
  '!x',
  '!?x?',
  '^x^y',
  '!:0',
  "'",
  '"',
  '$(',
  '`',
);

describe('history expansion', () => {
  let server: EchoServer;

  beforeAll(async () => {
    server = await startEchoServer();
  });

  afterAll(async () => {
    await server.close();
  });

  /** Writes the code for a body with "!x", then quotes the body in double quotes instead. */
  function doubleQuotedBang(): { quoted: string; unquoted: string } {
    const request = {
      method: 'POST',
      baseUrl: server.origin,
      workloadId: 'wl-1',
      payload: '{"a": "!x"}',
    } as const;
    const quoted = generateSnippet(request, 'curl', { showSecrets: true });
    const unquoted = quoted.replace(`'{"a": "!x"}'`, '"{\\"a\\": \\"!x\\"}"');
    return { quoted, unquoted };
  }

  it('check fails on a double-quoted !', async () => {
    const { quoted, unquoted } = doubleQuotedBang();
    expect(unquoted).not.toBe(quoted);
    expect(interactive.length).toBeGreaterThan(0);

    for (const runtime of interactive) {
      const [outcome] = await runBatch(runtime, server, [unquoted]);

      // bash runs the lines before the failed one, so curl may still send a request without body.
      const bodies = outcome?.requests.map((request) => request.body.toString()) ?? [];
      expect(outcome?.status, runtime.name).toBeUndefined();
      expect(bodies, runtime.name).not.toContain('{"a": "!x"}');
    }
  });

  it.skipIf(byName('bash -i').length === 0)('runs each program in a new bash -i', async () => {
    // Each program sends one request, so that the batch is not rerun one program at a time.
    const [first, second] = await runBatch(byName('bash -i')[0] as Runtime, server, [
      `marker=set; curl --silent --output /dev/null '${server.origin}/first'`,
      `curl --silent --output /dev/null "${server.origin}/\${marker-unset}"`,
    ]);

    expect(first?.requests.map((request) => request.target)).toEqual(['/first']);
    expect(second?.status).toBe(0);
    expect(second?.requests.map((request) => request.target)).toEqual(['/unset']);
  });

  it.skipIf(byName('bash').length === 0)('leaves a double-quoted ! alone in a script', async () => {
    const [outcome] = await runBatch(byName('bash')[0] as Runtime, server, [
      doubleQuotedBang().unquoted,
    ]);

    expect(outcome?.status).toBe(0);
    expect(outcome?.requests[0]?.body.toString()).toBe('{"a": "!x"}');
  });

  it('quoted ! survives interactive shells', async () => {
    const units = unitsFrom(fc.oneof(historyUnit, fc.constantFrom('a', ' ', '\\', '$')));

    const totals = await assertTemplatesRun(requestTemplateArbitrary({ units, invalidWeight: 0 }), {
      numRuns: 4,
      maxBatch: 24,
      runtimes: [...byName('bash'), ...interactive],
      timeLimitMs: 50_000,
    });

    expect(totals.executed).toBeGreaterThan(0);
  }, 60_000);
});

describe('cURL', () => {
  it('runs alike in bash, dash and zsh', async () => {
    const totals = await assertTemplatesRun(requestTemplateArbitrary(), {
      numRuns: 4,
      maxBatch: 30,
      runtimes: byName('bash', 'dash', 'zsh'),
      timeLimitMs: 50_000,
    });

    expect(totals.executed).toBeGreaterThan(0);
  }, 60_000);
});

describe('Python', () => {
  const pythons = runtimes.filter((runtime) => runtime.language === 'python');
  let server: EchoServer;

  beforeAll(async () => {
    server = await startEchoServer();
  });

  afterAll(async () => {
    await server.close();
  });

  it('fails a program that warns', async () => {
    const program = 'import warnings\n\nwarnings.warn("deprecated", DeprecationWarning)\n';

    for (const runtime of pythons) {
      const [outcome] = await runBatch(runtime, server, [program]);

      expect(outcome?.status, runtime.name).toBe(1);
      expect(outcome?.error, runtime.name).toContain('DeprecationWarning: deprecated');
    }
  });

  it('runs each program in a fresh namespace', async () => {
    const [, second] = await runBatch(pythons[0] as Runtime, server, [
      'value = 1\n',
      'print(value)\n',
    ]);

    expect(second?.status).toBe(1);
    expect(second?.error).toContain("NameError: name 'value' is not defined");
  });

  it.skipIf(pythons.length < 2)(
    'runs on Debian requests too',
    async () => {
      const totals = await assertTemplatesRun(requestTemplateArbitrary(), {
        numRuns: 3,
        maxBatch: 30,
        runtimes: pythons,
        timeLimitMs: 50_000,
      });

      expect(pythons.map((runtime) => runtime.name)).toEqual(['python', 'debian python']);
      expect(totals.executed).toBeGreaterThan(0);
    },
    60_000,
  );
});
