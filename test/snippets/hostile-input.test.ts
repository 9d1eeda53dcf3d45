import { describe, expect, it } from 'vitest';
import {
  buildInvokeUrl,
  generateSnippet,
  type JsonValue,
  languageIds,
  placeholderPayload,
  type SnippetRequest,
} from '../../src/snippets';
import { deepFreeze } from '../fixtures/deep-freeze';
import { catchInputError } from './input-error';

const base: SnippetRequest = deepFreeze({
  method: 'POST',
  baseUrl: 'https://app.example.com',
  workloadId: 'wl-1',
  token: 'tok-hostile',
});

function withPayload(payload: unknown): SnippetRequest {
  return { ...base, payload: payload as JsonValue };
}

describe('header injection', () => {
  it('encodes a line break in the path', () => {
    const url = buildInvokeUrl({ ...base, path: 'a\r\nX-Injected: 1' });

    expect(url).toBe(
      'https://app.example.com/api/v2/endpoints/workloads/wl-1/a%0D%0AX-Injected:%201',
    );
  });

  it('encodes a line break in the workload ID', () => {
    expect(buildInvokeUrl({ ...base, workloadId: 'w\r\nX: 1' })).toContain('/w%0D%0AX:%201/');
  });

  it('rejects a line break in the endpoint', () => {
    const error = catchInputError(() => buildInvokeUrl({ endpoint: 'https://h/\r\nX: 1' }));

    expect(error.field).toBe('endpoint');
  });
});

describe('unpaired surrogates', () => {
  it.each([
    ['baseUrl', { baseUrl: 'https://app.example.com/a\ud800b' }],
    ['endpoint', { endpoint: 'https://app.example.com/a\udfffb' }],
  ] as const)('rejects one in %s instead of writing U+FFFD', (field, change) => {
    const error = catchInputError(() =>
      generateSnippet(deepFreeze({ ...base, ...change }), 'curl'),
    );

    expect(error.field).toBe(field);
    expect(error.message).toContain('unpaired UTF-16 surrogate');
  });

  it('accepts a surrogate pair in the base path', () => {
    expect(buildInvokeUrl({ ...base, baseUrl: 'https://app.example.com/😀' })).toBe(
      'https://app.example.com/%F0%9F%98%80/api/v2/endpoints/workloads/wl-1/',
    );
  });
});

describe('payloads read once', () => {
  it('writes the same body in both languages for a getter', () => {
    let reads = 0;
    const payload = {
      get count() {
        reads += 1;
        return reads;
      },
    };

    const curl = generateSnippet(withPayload(payload), 'curl');
    reads = 0;
    const python = generateSnippet(withPayload(payload), 'python');

    expect(curl).toContain(`--data-raw '{\n  "count": 1\n}'`);
    expect(python).toContain('payload = {"count": 1}');
  });

  it('reads each member of the payload once', () => {
    let reads = 0;
    const payload = {
      get value() {
        reads += 1;
        return 'v';
      },
    };

    generateSnippet(withPayload(payload), 'curl');

    expect(reads).toBe(1);
  });
});

describe('GET payloads', () => {
  it.each([
    ['curl', '--request GET'],
    ['python', 'requests.get('],
  ] as const)('ignores an invalid payload in %s', (language, call) => {
    const code = generateSnippet(deepFreeze({ ...base, method: 'GET', payload: '{bad' }), language);

    expect(code).toContain(call);
    expect(code).not.toContain('{bad');
  });

  it('never reads the payload', () => {
    const payload = {
      get trap(): never {
        throw new Error('The GET payload was read.');
      },
    };

    expect(() =>
      generateSnippet({ ...withPayload(payload), method: 'GET' }, 'python'),
    ).not.toThrow();
  });
});

describe('prototype-like keys', () => {
  it('keeps __proto__ and constructor keys in both languages', () => {
    const payload = deepFreeze(JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1}'));

    const python = generateSnippet(withPayload(payload), 'python');
    const curl = generateSnippet(withPayload(payload), 'curl');

    expect(python).toContain('payload = {"__proto__": {"polluted": True}, "constructor": 1}');
    expect(curl).toContain('"__proto__": {\n    "polluted": true\n  },');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects an object whose prototype was set by a __proto__ literal', () => {
    const payload = { __proto__: { a: 1 } };
    const error = catchInputError(() => generateSnippet(withPayload(payload), 'python'));

    expect(error.message).toContain('not a plain object');
  });
});

describe('invalid values', () => {
  it.each(languageIds)('rejects NaN in %s', (language) => {
    const error = catchInputError(() =>
      generateSnippet(withPayload({ a: [1, Number.NaN] }), language),
    );

    expect(error.field).toBe('payload');
    expect(error.message).toContain('$["a"][1] is NaN');
  });

  it.each(languageIds)('rejects a cycle in %s', (language) => {
    const payload: Record<string, unknown> = { list: [] };
    (payload.list as unknown[]).push({ back: payload });

    const error = catchInputError(() => generateSnippet(withPayload(payload), language));

    expect(error.message).toContain('$["list"][0]["back"] refers back');
  });

  it.each(languageIds)('rejects very deep nesting in %s', (language) => {
    let payload: unknown = 0;
    for (let depth = 0; depth < 50_000; depth += 1) payload = { next: payload };

    expect(catchInputError(() => generateSnippet(withPayload(payload), language)).field).toBe(
      'payload',
    );
  });

  it('rejects an integer Python cannot convert', () => {
    const error = catchInputError(() => generateSnippet(withPayload('9'.repeat(5000)), 'python'));

    expect(error.message).toContain('an integer of 5000 digits');
  });
});

describe('huge inputs', () => {
  it('rejects a path of a megabyte', () => {
    const error = catchInputError(() =>
      generateSnippet({ ...base, path: 'a/'.repeat(500_000) }, 'curl'),
    );

    expect(error.field).toBe('path');
    expect(error.message.length).toBeLessThan(300);
  });

  it('reports an invalid end of a 4 MiB JSON text', () => {
    const text = `[${'"item",'.repeat(500_000)}]`;

    const error = catchInputError(() => generateSnippet(withPayload(text), 'python'));

    expect(error.message).toContain(`line 1, column ${text.length}`);
    expect(error.message.length).toBeLessThan(300);
  });

  it('writes a large payload in both languages', () => {
    const payload = deepFreeze({ items: Array.from({ length: 20_000 }, (_, id) => ({ id })) });

    for (const language of languageIds) {
      expect(generateSnippet(withPayload(payload), language)).toContain('19999');
    }
  });
});

describe('placeholderPayload', () => {
  it('is frozen, so no caller can change the placeholder', () => {
    expect(Object.isFrozen(placeholderPayload)).toBe(true);
  });
});
