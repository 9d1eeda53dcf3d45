import { describe, expect, it } from 'vitest';
import { buildInvokeUrl, generateSnippet } from '../../src/snippets';
import type { RequestTemplate } from '../fuzz/arbitraries';
import { findRuntimes } from '../fuzz/batch-runner';
import { formatMismatches, runTemplates } from '../fuzz/run-cases';

/*
 * Counterexamples that the property tests found, shrunk by fast-check and written out here, so
 * that each runs in every runtime on every test run. The same requests are request fixtures too.
 */

const runtimes = findRuntimes();

/** Runs the templates in every runtime and returns how many each runtime skipped. */
async function expectRunsEverywhere(
  templates: readonly RequestTemplate[],
): Promise<ReadonlyMap<string, number>> {
  const report = await runTemplates(templates, runtimes);
  // Each runtime of a language runs every template, except the ones it skips for a long line.
  const expectedRuns = (language: string) =>
    runtimes
      .filter((runtime) => runtime.language === language)
      .reduce(
        (sum, runtime) => sum + templates.length - (report.skipped.get(runtime.name) ?? 0),
        0,
      );

  expect(formatMismatches(report.mismatches)).toBe('');
  expect(report.executed.curl).toBe(expectedRuns('curl'));
  expect(report.executed.python).toBe(expectedRuns('python'));
  return report.skipped;
}

describe('shrunk counterexample', () => {
  // urllib3 1.26, which Debian 12's requests uses, read the target //a:b/... as host "a" with
  // port "b" and raised LocationParseError.
  it('base path starting with two slashes', async () => {
    await expectRunsEverywhere([
      { method: 'GET', basePath: '//a:b', workloadId: 'wl-1' },
      { method: 'GET', endpointPath: '/.//a:b/c', path: 'x' },
      { method: 'POST', basePath: '//', workloadId: 'w', payload: {} },
    ]);
  });

  // Node 20.20's URL parser kept the '..' after '.T', so the code showed /G/.T/../api/... while
  // curl and requests sent /G/api/....
  it('dot segment after a dot folder', async () => {
    await expectRunsEverywhere([
      { method: 'GET', basePath: '/G/.T/../', workloadId: 'w' },
      { method: 'POST', basePath: '/a/.b/..//c/.d/%2e%2e', workloadId: 'w', payload: null },
      { method: 'GET', endpointPath: '/x/.a/..', path: 'y' },
    ]);
    expect(buildInvokeUrl({ baseUrl: 'http://127.0.0.1:9/G/.T/../', workloadId: 'w' })).toBe(
      'http://127.0.0.1:9/G/api/v2/endpoints/workloads/w/',
    );
  });

  // Interactive bash 5.2.15 took the quoted "!x" in the first body for a history event, because
  // of the '!', "$(" and apostrophe on the lines before it, and failed with "event not found".
  // With '\!' in place of the quoted '!', bash parsed the second body's "$(" as a command
  // substitution and aborted. The generated code writes each '!' of a body over several lines
  // as a printf escape.
  it('exclamation mark after an escaped quote', async () => {
    await expectRunsEverywhere([
      { method: 'POST', basePath: '', workloadId: 'w', payload: { a: "'x'!", b: ["!$('", '!x'] } },
      { method: 'POST', basePath: '/', workloadId: '!', token: "'", payload: { '$(': '!?x?' } },
      { method: 'POST', basePath: '', workloadId: 'w', payload: { a: "'", b: '"/&!x' } },
      { method: 'POST', basePath: '', workloadId: 'w', payload: { a: "it's \\' !x" } },
      { method: 'POST', basePath: '', workloadId: 'w', payload: { a: 'b', c: '!x d' } },
      { method: 'POST', basePath: '', workloadId: 'w', payload: '{\n  "a": "!!",\n  "b": "!$"\n}' },
      { method: 'POST', basePath: '', workloadId: 'w', payload: ['x', { '!x': '-!-' }] },
    ]);
  });

  // zsh's line editor read the pasted U+E000 as a NUL byte, which cut the header short.
  it('private-use characters pasted into zsh', async () => {
    await expectRunsEverywhere([
      { method: 'GET', basePath: '', workloadId: 'w', headers: { 'X-A': '\ue000b' } },
      { method: 'POST', basePath: '', workloadId: 'w', payload: { a: '\ue0a0\ue0ff' } },
      { method: 'POST', basePath: '', workloadId: 'w', payload: '"\ue0ff%s\\u0041!"' },
    ]);
  });

  // bash's and dash's printf read a format that starts with '-' as an option.
  it('header name starting with a dash', async () => {
    await expectRunsEverywhere([
      { method: 'GET', basePath: '', workloadId: 'w', headers: { '-!': '\ue000' } },
    ]);
  });

  // zsh 5.9 reading an interactive session from standard input crashed with SIGSEGV on this
  // body's one line of about 160,000 bytes. zsh runs it from a file and pasted on a terminal.
  it('long line of multibyte text', async () => {
    const payload = { text: "é😀'!$`x".repeat(9600) };

    const skipped = await expectRunsEverywhere([
      { method: 'POST', basePath: '', workloadId: 'w', payload },
    ]);

    const zshInteractive = runtimes.filter((runtime) => runtime.name === 'zsh -i').length;
    expect(skipped.get('zsh -i') ?? 0).toBe(zshInteractive);
    expect([...skipped.keys()].filter((name) => name !== 'zsh -i')).toEqual([]);
  });

  it('private-use characters leave the code as escapes', () => {
    const request = {
      method: 'POST',
      baseUrl: 'http://127.0.0.1:9',
      workloadId: 'w',
      headers: { 'X-A': '\ue000' },
      payload: ['\ue0ff'],
    } as const;

    const code = generateSnippet(request, 'curl');

    expect(code).not.toMatch(/[\ue000-\ue0ff]/);
    expect(code).toContain(`--header "$(printf 'X-A: \\356\\200\\200')"`);
    expect(code.startsWith(`printf '[\n  "\\356\\203\\277"\n]' |\n`)).toBe(true);
  });
});
