import { describe, expect, it } from 'vitest';
import { generateSnippet, type SnippetRequest } from '../../src/snippets';
import { maxHeaderBytes, prepareRequest } from '../../src/snippets/prepare';
import { deepFreeze } from '../fixtures/deep-freeze';
import { catchInputError } from './input-error';

const token = 'tok-headers-7c1e';

function withHeaders(headers: Record<string, string>, method: 'GET' | 'POST' = 'POST') {
  return deepFreeze<SnippetRequest>({
    method,
    baseUrl: 'https://app.example.com',
    workloadId: 'wl-1',
    token,
    headers,
  });
}

function preparedHeaders(headers: Record<string, string>, method: 'GET' | 'POST' = 'POST') {
  return prepareRequest(withHeaders(headers, method)).headers;
}

function headerError(headers: Record<string, string>) {
  return catchInputError(() => prepareRequest(withHeaders(headers)));
}

describe('header values', () => {
  it.each([
    'v\r\nX-Injected: 1',
    'v\nX-Injected: 1',
    'v\rX-Injected: 1',
    '\r\n',
    'v\r\n\r\nGET / HTTP/1.1',
  ])('rejects a line break in %j', (value) => {
    const error = headerError({ 'X-Value': value });

    expect(error.field).toBe('headers');
    expect(error.message).toContain('line break or a control character');
  });

  it.each(['\u0000', '\u0008', '\u000b', '\u001b[31m', '\u007f'])(
    'rejects the control character %j',
    (value) => {
      expect(headerError({ 'X-Value': `a${value}b` }).field).toBe('headers');
    },
  );

  it('accepts a tab inside a value', () => {
    expect(preparedHeaders({ 'X-Tab': 'a\tb' }, 'GET')).toEqual([['X-Tab', 'a\tb']]);
  });

  it('trims spaces and tabs around a value', () => {
    expect(preparedHeaders({ 'X-Padded': ' \t v w \t ' }, 'GET')).toEqual([['X-Padded', 'v w']]);
  });

  it('rejects an unpaired surrogate in a value', () => {
    const error = headerError({ 'X-Value': 'a\ud800' });

    expect(error.message).toContain('unpaired UTF-16 surrogate');
  });

  it('rejects a value that is not a string', () => {
    const error = headerError({ 'X-Count': 5 as unknown as string });

    expect(error.field).toBe('headers');
    expect(error.message).toContain('of type number');
  });

  it('accepts unicode in a value', () => {
    expect(preparedHeaders({ 'X-Name': 'José 😀 東京\u2028' }, 'GET')).toEqual([
      ['X-Name', 'José 😀 東京\u2028'],
    ]);
  });
});

describe('header names', () => {
  it.each(['', 'X Y', 'X:Y', 'X\nY', 'é', '(x)', 'a/b', '"x"', 'a,b', 'a@b', 'X-Y:'])(
    'rejects the name %j',
    (name) => {
      const error = headerError({ [name]: 'v' });

      expect(error.field).toBe('headers');
      expect(error.message).toContain('is not an HTTP header name');
    },
  );

  it('accepts every token character in a name', () => {
    const name = "!#$%&'*+-.^_`|~09AZaz";

    expect(preparedHeaders({ [name]: 'v' }, 'GET')).toEqual([[name, 'v']]);
  });

  it.each([
    'Authorization',
    'AUTHORIZATION',
    'content-type',
    'Content-Length',
    'Transfer-Encoding',
    'Host',
    'connection',
  ])('rejects the managed header %s', (name) => {
    const error = headerError({ [name]: 'v' });

    expect(error.field).toBe('headers');
    expect(error.message).toContain('this header is not accepted');
  });

  it.each(['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'])(
    'accepts %s, a name that Object.prototype has',
    (name) => {
      const headers = deepFreeze(JSON.parse(`{"${name}": "v"}`));

      expect(preparedHeaders(headers, 'GET')).toEqual([[name, 'v']]);
    },
  );

  it('rejects names that differ only in case', () => {
    const error = headerError({ 'X-Trace': '1', 'x-trace': '2' });

    expect(error.field).toBe('headers');
    expect(error.message).toContain('repeats the header "X-Trace"');
  });
});

describe('header order and defaults', () => {
  it('sends Content-Type and Accept before extra headers on POST', () => {
    expect(preparedHeaders({ 'X-A': '1' })).toEqual([
      ['Content-Type', 'application/json; charset=UTF-8'],
      ['Accept', 'application/json'],
      ['X-A', '1'],
    ]);
  });

  it('leaves out the default Accept when one is given', () => {
    expect(preparedHeaders({ accept: 'text/event-stream' })).toEqual([
      ['Content-Type', 'application/json; charset=UTF-8'],
      ['accept', 'text/event-stream'],
    ]);
  });

  it('sends only the extra headers on GET', () => {
    expect(preparedHeaders({ 'X-A': '1' }, 'GET')).toEqual([['X-A', '1']]);
  });
});

describe('empty header values', () => {
  it('writes an empty value as Name; in curl', () => {
    const code = generateSnippet(withHeaders({ 'X-Empty': '' }, 'GET'), 'curl');

    expect(code).toContain("--header 'X-Empty;'");
    expect(code).not.toContain('X-Empty:');
  });

  it('writes a blank value as Name; in curl', () => {
    expect(generateSnippet(withHeaders({ 'X-Blank': ' \t ' }, 'GET'), 'curl')).toContain(
      "--header 'X-Blank;'",
    );
  });

  it('writes an empty value as an empty string in Python', () => {
    expect(generateSnippet(withHeaders({ 'X-Empty': '' }, 'GET'), 'python')).toContain(
      '    "X-Empty": "",',
    );
  });
});

describe('header size', () => {
  it('accepts headers of the maximum size', () => {
    // "X-Big: " is 7 bytes.
    const value = 'a'.repeat(maxHeaderBytes - 7);

    expect(preparedHeaders({ 'X-Big': value }, 'GET')).toHaveLength(1);
  });

  it('rejects headers one byte over the maximum', () => {
    const error = headerError({ 'X-Big': 'a'.repeat(maxHeaderBytes - 6) });

    expect(error.field).toBe('headers');
    expect(error.message).toContain(`at most ${maxHeaderBytes} are accepted`);
  });

  it('counts UTF-8 bytes over all headers', () => {
    const half = 'é'.repeat(maxHeaderBytes / 4);
    const error = headerError({ 'X-A': half, 'X-B': half });

    expect(error.message).toContain('headers["X-B"]');
  });
});
