import { describe, expect, it } from 'vitest';
import {
  generateSnippet,
  languageIds,
  type SnippetField,
  SnippetInputError,
  type SnippetRequest,
} from '../../src/snippets';
import { deepFreeze } from '../fixtures/deep-freeze';
import { catchInputError } from './input-error';

/** A distinctive secret that no error message may contain. */
const secret = 'SECRET4d9f';
const token = `tok-${secret}`;

const valid: SnippetRequest = {
  method: 'POST',
  baseUrl: 'https://app.example.com',
  workloadId: 'wl-1',
  token,
};

const invalidRequests: readonly [string, Partial<SnippetRequest>, SnippetField][] = [
  ['a PUT method', { method: 'PUT' as SnippetRequest['method'] }, 'method'],
  ['a lower-case method', { method: 'get' as SnippetRequest['method'] }, 'method'],
  ['an endpoint that is not a URL', { endpoint: 'not a url' }, 'endpoint'],
  ['an endpoint with credentials', { endpoint: `https://u:${secret}@h` }, 'endpoint'],
  ['an ftp endpoint', { endpoint: 'ftp://h/x' }, 'endpoint'],
  ['a missing baseUrl', { baseUrl: undefined }, 'baseUrl'],
  ['a relative baseUrl', { baseUrl: '/api' }, 'baseUrl'],
  ['a baseUrl with a query', { baseUrl: 'https://h/?a=1' }, 'baseUrl'],
  ['a baseUrl with a line break', { baseUrl: 'https://h/\r\nX: 1' }, 'baseUrl'],
  ['a baseUrl with a lone surrogate', { baseUrl: 'https://h/\ud800' }, 'baseUrl'],
  ['a missing workloadId', { workloadId: undefined }, 'workloadId'],
  ['an empty workloadId', { workloadId: '' }, 'workloadId'],
  ['a dot-dot workloadId', { workloadId: '..' }, 'workloadId'],
  ['a workloadId with a lone surrogate', { workloadId: 'w\udc00' }, 'workloadId'],
  ['a path with a dot-dot segment', { path: 'a/../b' }, 'path'],
  ['a path with an escaped dot-dot segment', { path: '%2e%2e/b' }, 'path'],
  ['a path with a lone surrogate', { path: 'a\ud800' }, 'path'],
  ['a path that is too long', { path: 'p'.repeat(40_000) }, 'path'],
  ['a header with a line break', { headers: { 'X-A': 'v\r\nX-B: 1' } }, 'headers'],
  ['a header with a bad name', { headers: { 'X A': 'v' } }, 'headers'],
  ['an Authorization header', { headers: { authorization: `Bearer ${secret}` } }, 'headers'],
  ['a repeated header', { headers: { 'X-A': '1', 'x-a': '2' } }, 'headers'],
  ['a token with a space', { token: `tok ${secret}` }, 'token'],
  ['a token with a line break', { token: `tok\n${secret}` }, 'token'],
  ['a token with non-ASCII', { token: `tök${secret}` }, 'token'],
  ['a token that is too long', { token: secret.repeat(2000) }, 'token'],
  ['a numeric token', { token: 1234 as unknown as string }, 'token'],
  ['a token object', { token: { value: secret } as unknown as string }, 'token'],
  ['a null token', { token: null as unknown as string }, 'token'],
  ['an array endpoint', { endpoint: ['https://h/'] as unknown as string }, 'endpoint'],
  ['a URL object as baseUrl', { baseUrl: new URL('https://h/') as unknown as string }, 'baseUrl'],
  ['a numeric workloadId', { workloadId: 42 as unknown as string }, 'workloadId'],
  ['a boolean path', { path: true as unknown as string }, 'path'],
  ['headers as a string', { headers: 'X-A: 1' as unknown as Record<string, string> }, 'headers'],
  [
    'headers as an array',
    { headers: [['X-A', '1']] as unknown as Record<string, string> },
    'headers',
  ],
  ['null headers', { headers: null as unknown as Record<string, string> }, 'headers'],
  [
    'headers as a Map',
    { headers: new Map([['X-A', '1']]) as unknown as Record<string, string> },
    'headers',
  ],
  ['a payload that is not JSON', { payload: '{"a": }' }, 'payload'],
  ['a payload with NaN', { payload: { a: Number.NaN } }, 'payload'],
  ['a payload with a raw lone surrogate', { payload: '"\ud800"' }, 'payload'],
  ['a payload with a huge float', { payload: '1e999' }, 'payload'],
];

describe.each(languageIds)('errors in %s', (language) => {
  it.each(invalidRequests)('names the field for %s', (_name, change, field) => {
    const request = deepFreeze({ ...valid, ...change });
    const error = catchInputError(() => generateSnippet(request, language));

    expect(error).toBeInstanceOf(SnippetInputError);
    expect(error.name).toBe('SnippetInputError');
    expect(error.field).toBe(field);
    expect(error.message).toMatch(new RegExp(`^(Invalid|Missing) ${field}\\b`));
  });

  it.each(invalidRequests)('keeps the token out of the message for %s', (_name, change) => {
    const request = deepFreeze({ ...valid, ...change });
    const error = catchInputError(() => generateSnippet(request, language));

    expect(error.message).not.toContain(secret);
  });
});

describe('error messages', () => {
  it.each([
    ['token', 1234, 'number'],
    ['token', null, 'null'],
    ['workloadId', ['wl-1'], 'array'],
    ['path', { a: 1 }, 'object'],
    ['baseUrl', new URL('https://app.example.com'), 'URL'],
  ] as const)('names the type of a non-string %s', (field, value, type) => {
    const request = deepFreeze({ ...valid, [field]: value }) as unknown as SnippetRequest;
    const error = catchInputError(() => generateSnippet(request, 'curl'));

    expect(error.message).toBe(
      `Invalid ${field}: the value is of type ${type}. Expected a string, or leave ${field} out.`,
    );
  });

  it.each([
    ['X-A: 1', 'string'],
    [new Map([['X-A', '1']]), 'Map'],
  ] as const)('names the type of headers %o', (headers, type) => {
    const request = { ...valid, headers } as unknown as SnippetRequest;
    const error = catchInputError(() => generateSnippet(request, 'python'));

    expect(error.message).toBe(
      `Invalid headers: the value is of type ${type}. Expected a plain object of header names and string values.`,
    );
  });

  it('accepts headers without a prototype', () => {
    const headers = Object.assign(Object.create(null), { 'X-A': '1' }) as Record<string, string>;
    const code = generateSnippet({ ...valid, headers }, 'curl');

    expect(code).toContain(`--header 'X-A: 1'`);
  });

  it('shortens a huge value in the message', () => {
    const error = catchInputError(() =>
      generateSnippet(deepFreeze({ ...valid, baseUrl: `ftp://${'h'.repeat(10_000)}` }), 'curl'),
    );

    expect(error.message.length).toBeLessThan(400);
    expect(error.message).toContain('(10006 characters)');
  });

  it('keeps surrogate pairs whole when shortening', () => {
    const error = catchInputError(() =>
      generateSnippet(deepFreeze({ ...valid, baseUrl: `ftp://${'😀'.repeat(60)}` }), 'curl'),
    );

    expect(error.message).not.toMatch(/[\ud800-\udfff]/u);
  });
});
