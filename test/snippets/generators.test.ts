import { describe, expect, it } from 'vitest';
import { generateSnippet, type Payload, type SnippetRequest } from '../../src/snippets';
import { maxArgumentBodyBytes } from '../../src/snippets/curl';
import { pythonTimeoutSeconds } from '../../src/snippets/python';
import { deepFreeze } from '../fixtures/deep-freeze';

function request(method: 'GET' | 'POST', payload?: Payload): SnippetRequest {
  return deepFreeze<SnippetRequest>({
    method,
    baseUrl: 'https://app.example.com',
    workloadId: 'wl-1',
    token: 'tok-generators',
    payload,
  });
}

/** Builds a JSON text of `bytes` UTF-8 bytes: an array with one string of "é" and "x". */
function jsonTextOfBytes(bytes: number): string {
  const inner = bytes - 4;
  return `["${'é'.repeat(Math.floor(inner / 2))}${'x'.repeat(inner % 2)}"]`;
}

describe('curl', () => {
  it('writes a POST with the body as an argument', () => {
    expect(generateSnippet(request('POST', { a: "it's" }), 'curl')).toBe(
      [
        "curl --request POST 'https://app.example.com/api/v2/endpoints/workloads/wl-1/' \\",
        "  --header 'Authorization: Bearer *****' \\",
        "  --header 'Content-Type: application/json; charset=UTF-8' \\",
        "  --header 'Accept: application/json' \\",
        `  --data-raw '{`,
        `  "a": "it'\\''s"`,
        "}'",
      ].join('\n'),
    );
  });

  it('writes a GET without body or Content-Type', () => {
    expect(generateSnippet(request('GET', { a: 1 }), 'curl')).toBe(
      [
        "curl --request GET 'https://app.example.com/api/v2/endpoints/workloads/wl-1/' \\",
        "  --header 'Authorization: Bearer *****'",
      ].join('\n'),
    );
  });

  it('sends the placeholder on a POST without payload', () => {
    const code = generateSnippet(request('POST'), 'curl');

    expect(code).toContain('--request POST');
    expect(code).toContain("--header 'Content-Type: application/json; charset=UTF-8'");
    expect(code).toContain('"input": "Replace this object');
  });

  it('keeps a body of the maximum argument size in the argument', () => {
    const text = jsonTextOfBytes(maxArgumentBodyBytes);
    const code = generateSnippet(request('POST', text), 'curl');

    expect(Buffer.byteLength(text)).toBe(maxArgumentBodyBytes);
    expect(code).toContain(`--data-raw '${text}'`);
    expect(code).not.toContain('printf');
  });

  it('pipes a body one byte larger through standard input', () => {
    const text = jsonTextOfBytes(maxArgumentBodyBytes + 1);
    const code = generateSnippet(request('POST', text), 'curl');

    expect(Buffer.byteLength(text)).toBe(maxArgumentBodyBytes + 1);
    expect(code.startsWith(`printf '%s' '${text}' |\n  curl --request POST `)).toBe(true);
    expect(code.endsWith('--data-binary @-')).toBe(true);
    expect(code).not.toContain('--data-raw');
  });

  it('quotes apostrophes in a piped body', () => {
    const text = `["${"'".repeat(maxArgumentBodyBytes)}"]`;
    const code = generateSnippet(request('POST', text), 'curl');

    expect(code).toContain(`printf '%s' '["${"'\\''".repeat(maxArgumentBodyBytes)}"]' |`);
  });

  it('escapes "!" in a multi-line body for interactive bash', () => {
    const code = generateSnippet(request('POST', { a: 'hi!x', b: ['!!'] }), 'curl');

    expect(code).not.toContain('--data-raw');
    expect(code).not.toContain('!');
    expect(code).toContain('hi\\041x');
    expect(code).toContain('--data-binary @-');
  });

  it('keeps "!" after an apostrophe in a one-line body', () => {
    const code = generateSnippet(request('POST', `{"a": "it's hi!x"}`), 'curl');

    expect(code).toContain(`--data-raw '{"a": "it'\\''s hi!x"}'`);
  });

  it('keeps "!" in a one-line body as an argument', () => {
    const code = generateSnippet(request('POST', '{"a": "hi!x"}'), 'curl');

    expect(code).toContain(`--data-raw '{"a": "hi!x"}'`);
  });

  it('turns off globbing for an IPv6 host', () => {
    const code = generateSnippet(
      deepFreeze<SnippetRequest>({ method: 'GET', endpoint: 'http://[::1]:8080/x' }),
      'curl',
    );

    expect(code).toContain("curl --request GET 'http://[::1]:8080/x/' \\\n  --globoff \\");
  });

  it('leaves globbing on when the URL has no brackets', () => {
    expect(generateSnippet(request('GET'), 'curl')).not.toContain('--globoff');
  });

  it('sends null as the text null', () => {
    expect(generateSnippet(request('POST', null), 'curl')).toContain("--data-raw 'null'");
  });

  it('sends an empty object as {}', () => {
    expect(generateSnippet(request('POST', {}), 'curl')).toContain("--data-raw '{}'");
  });

  it('sends a JSON text exactly as given', () => {
    const text = '\r\n{ "a" :1 ,"b":[ ] }\t';

    expect(generateSnippet(request('POST', text), 'curl')).toContain(`--data-raw '${text}'`);
  });
});

describe('python', () => {
  it('writes a POST with a JSON payload', () => {
    expect(generateSnippet(request('POST', { a: [true, null] }), 'python')).toBe(
      [
        'import requests',
        '',
        'url = "https://app.example.com/api/v2/endpoints/workloads/wl-1/"',
        'headers = {',
        '    "Authorization": "Bearer *****",',
        '    "Content-Type": "application/json; charset=UTF-8",',
        '    "Accept": "application/json",',
        '}',
        'payload = {"a": [True, None]}',
        '',
        `response = requests.post(url, headers=headers, json=payload, timeout=${pythonTimeoutSeconds})`,
        'print(response.status_code)',
        'print(response.text)',
      ].join('\n'),
    );
  });

  it('writes a GET without a body', () => {
    const code = generateSnippet(request('GET', { a: 1 }), 'python');

    expect(code).toContain('response = requests.get(url, headers=headers, timeout=60)');
    expect(code).not.toContain('payload');
    expect(code).not.toContain('Content-Type');
  });

  it('sends null as data, because requests drops json=None', () => {
    const code = generateSnippet(request('POST', null), 'python');

    expect(code).toContain('requests.post(url, headers=headers, data="null", timeout=60)');
    expect(code).not.toContain('payload =');
  });

  it('sends a JSON text null as data', () => {
    expect(generateSnippet(request('POST', ' null '), 'python')).toContain('data="null"');
  });

  it('sends false as json', () => {
    expect(generateSnippet(request('POST', 'false'), 'python')).toContain('payload = False');
  });

  it('encodes a non-ASCII header value as UTF-8 bytes', () => {
    const code = generateSnippet(
      deepFreeze<SnippetRequest>({
        ...request('GET'),
        headers: { 'X-City': '東京', 'X-Plain': 'abc' },
      }),
      'python',
    );

    expect(code).toContain('    "X-City": "東京".encode(),');
    expect(code).toContain('    "X-Plain": "abc",');
  });

  it('imports os only to read API_TOKEN', () => {
    const code = generateSnippet(request('GET'), 'python');

    expect(code.startsWith('import requests\n')).toBe(true);
  });
});
