import { describe, expect, it } from 'vitest';
import { generateSnippet, type SnippetRequest, secretMask } from '../../src/snippets';
import { maxTokenLength } from '../../src/snippets/prepare';
import { deepFreeze } from '../fixtures/deep-freeze';
import { catchInputError } from './input-error';

function withToken(token: string | undefined): SnippetRequest {
  return deepFreeze<SnippetRequest>({
    method: 'GET',
    baseUrl: 'https://app.example.com',
    workloadId: 'wl-1',
    token,
  });
}

describe('token trimming', () => {
  it.each([
    ['tok-a1\n', 'a trailing line feed'],
    ['tok-a1\r\n', 'a trailing CRLF'],
    ['  tok-a1  ', 'spaces'],
    ['\ttok-a1\t', 'tabs'],
    ['\u00a0tok-a1\u2028', 'Unicode spaces'],
  ])('trims %j (%s)', (token) => {
    const code = generateSnippet(withToken(token), 'curl', { showSecrets: true });

    expect(code).toContain("'Authorization: Bearer tok-a1'");
  });

  it.each(['', ' ', '\n', ' \t\r\n '])('reads API_TOKEN for the blank token %j', (token) => {
    const code = generateSnippet(withToken(token), 'curl', { showSecrets: true });

    expect(code).toContain('"Authorization: Bearer $API_TOKEN"');
  });

  it('reads API_TOKEN without a token in curl', () => {
    const code = generateSnippet(withToken(undefined), 'curl');

    expect(code).toContain('--header "Authorization: Bearer $API_TOKEN"');
  });

  it('reads API_TOKEN without a token in Python', () => {
    const code = generateSnippet(withToken(undefined), 'python');

    expect(code).toContain('"Authorization": "Bearer " + os.environ["API_TOKEN"],');
    expect(code.startsWith('import os\n\nimport requests\n')).toBe(true);
  });
});

describe('token masking', () => {
  it.each([
    ['short', 'tok-Z9'],
    ['long', `tok-${'Z'.repeat(500)}`],
  ])('writes the same mask for a %s token', (_length, token) => {
    const code = generateSnippet(withToken(token), 'python');

    expect(code).toContain(`"Authorization": "Bearer ${secretMask}",`);
    expect(code).not.toContain(token);
  });

  it('writes the token when shown', () => {
    const code = generateSnippet(withToken('tok\'a"b\\c'), 'python', { showSecrets: true });

    expect(code).toContain('"Authorization": "Bearer tok\'a\\"b\\\\c",');
  });
});

describe('token rejection', () => {
  it.each([
    ['tok a1b2', 'whitespace inside it'],
    ['tok\ta1b2', 'whitespace inside it'],
    ['tok\na1b2', 'a line break'],
    ['tok\ra1b2', 'a line break'],
    ['tok\u2028a1b2', 'whitespace inside it'],
    ['tokéa1b2', 'a control or non-ASCII character'],
    ['tok😀a1b2', 'a control or non-ASCII character'],
    ['tok\u0000a1b2', 'a control or non-ASCII character'],
    ['tok\u007fa1b2', 'a control or non-ASCII character'],
    ['tok\ud800a1b2', 'a control or non-ASCII character'],
  ])('rejects %j for %s', (token, problem) => {
    const error = catchInputError(() => generateSnippet(withToken(token), 'curl'));

    expect(error.field).toBe('token');
    expect(error.message).toContain(problem);
    expect(error.message).not.toContain('a1b2');
  });

  it('accepts a token of the maximum length', () => {
    const token = 'a'.repeat(maxTokenLength);

    expect(generateSnippet(withToken(token), 'curl', { showSecrets: true })).toContain(token);
  });

  it('rejects a token one character longer', () => {
    const token = `${'b'.repeat(maxTokenLength)}c`;
    const error = catchInputError(() => generateSnippet(withToken(token), 'curl'));

    expect(error.field).toBe('token');
    expect(error.message).toContain(`at most ${maxTokenLength} are accepted`);
    expect(error.message).not.toContain('bbbb');
  });
});
