// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the words test shell syntax such as ${PATH}, which must stay literal.

import { describe, expect, it } from 'vitest';
import { quoteShellWord } from '../../src/snippets/shell-quote';
import { findExecutable, runShellScript } from './run-code';

const words = [
  '',
  ' ',
  'plain',
  "it's",
  "'",
  "''",
  "'\\''",
  '$HOME',
  '${PATH}',
  '$(id -u)',
  '`id`',
  '!!',
  '!$',
  '\\',
  'a\\nb',
  'line 1\nline 2',
  'tab\there',
  '*',
  '?',
  '[a]',
  '{a,b}',
  '~',
  '~root',
  '# not a comment',
  '; & | < > ( )',
  '"double"',
  '-n',
  '%s %d',
  'é 😀 東京',
  'a\u2028b',
];

describe.each(['bash', 'dash', 'zsh'])('quoteShellWord in %s', (shell) => {
  const shellPath = findExecutable(shell);

  it.skipIf(shellPath === undefined)('reads every word back unchanged', async () => {
    // printf writes each argument followed by a NUL byte, which no word contains.
    const script = `printf '%s\\0' ${words.map(quoteShellWord).join(' ')}\n`;

    const result = await runShellScript(shellPath as string, script);
    const printed = result.stdout.split('\0').slice(0, -1);

    expect(result.exitCode, result.stderr).toBe(0);
    expect(printed).toEqual(words);
  });
});
