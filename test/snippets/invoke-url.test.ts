import { describe, expect, it } from 'vitest';
import { buildInvokeUrl, type InvokeUrlParts } from '../../src/snippets';
import { maxUrlLength } from '../../src/snippets/invoke-url';
import { deepFreeze } from '../fixtures/deep-freeze';
import { catchInputError } from './input-error';

const base = 'https://app.example.com';
const prefix = `${base}/api/v2/endpoints/workloads/wl-1/`;

function build(parts: InvokeUrlParts): string {
  return buildInvokeUrl(deepFreeze({ ...parts }));
}

function buildPath(path: string): string {
  return build({ baseUrl: base, workloadId: 'wl-1', path });
}

describe('buildInvokeUrl joins', () => {
  it('joins the parts with single slashes', () => {
    expect(buildPath('chat/completions')).toBe(`${prefix}chat/completions`);
  });

  it('ends with a slash without a path', () => {
    expect(build({ baseUrl: base, workloadId: 'wl-1' })).toBe(prefix);
  });

  it('accepts a base URL with a trailing slash', () => {
    expect(build({ baseUrl: `${base}/`, workloadId: 'wl-1', path: 'a' })).toBe(`${prefix}a`);
  });

  it('keeps the base path prefix', () => {
    expect(build({ baseUrl: `${base}/gateway`, workloadId: 'wl-1', path: 'a' })).toBe(
      `${base}/gateway/api/v2/endpoints/workloads/wl-1/a`,
    );
  });

  it('drops repeated slashes at the end of the base URL', () => {
    expect(build({ baseUrl: `${base}/gateway//`, workloadId: 'wl-1', path: '//logs/' })).toBe(
      `${base}/gateway/api/v2/endpoints/workloads/wl-1/logs/`,
    );
  });

  it('drops slashes at the start of the path', () => {
    expect(buildPath('///chat')).toBe(`${prefix}chat`);
  });

  it('keeps a trailing slash of the path', () => {
    expect(buildPath('logs/')).toBe(`${prefix}logs/`);
  });

  it('keeps interior double slashes in the path', () => {
    expect(buildPath('a//b///c')).toBe(`${prefix}a//b///c`);
  });

  it('keeps interior double slashes in the base path', () => {
    expect(build({ baseUrl: `${base}/a//b/`, workloadId: 'wl-1' })).toBe(
      `${base}/a//b/api/v2/endpoints/workloads/wl-1/`,
    );
  });

  it('lower-cases the host and drops the default port', () => {
    expect(build({ baseUrl: 'HTTPS://APP.Example.COM:443', workloadId: 'wl-1' })).toBe(prefix);
  });

  it('keeps a non-default port', () => {
    expect(build({ baseUrl: 'http://127.0.0.1:8080', workloadId: 'w' })).toBe(
      'http://127.0.0.1:8080/api/v2/endpoints/workloads/w/',
    );
  });
});

describe('buildInvokeUrl encodes the workload ID', () => {
  it('encodes the workload ID as one segment', () => {
    expect(build({ baseUrl: base, workloadId: 'team a/wl#1' })).toBe(
      `${base}/api/v2/endpoints/workloads/team%20a%2Fwl%231/`,
    );
  });

  it('encodes a question mark in the workload ID', () => {
    expect(build({ baseUrl: base, workloadId: 'a?b' })).toBe(
      `${base}/api/v2/endpoints/workloads/a%3Fb/`,
    );
  });

  it('encodes unicode in the workload ID as UTF-8', () => {
    expect(build({ baseUrl: base, workloadId: 'café-😀' })).toBe(
      `${base}/api/v2/endpoints/workloads/caf%C3%A9-%F0%9F%98%80/`,
    );
  });

  it('encodes a stray percent sign in the workload ID', () => {
    expect(build({ baseUrl: base, workloadId: '50%off' })).toBe(
      `${base}/api/v2/endpoints/workloads/50%25off/`,
    );
  });
});

describe('buildInvokeUrl encodes the path', () => {
  it('encodes each segment and keeps the slashes', () => {
    expect(buildPath('reports/Q1 2024/café')).toBe(`${prefix}reports/Q1%202024/caf%C3%A9`);
  });

  it('keeps sub-delimiters, colon and at sign raw', () => {
    expect(buildPath("a!$&'()*+,;=:@b")).toBe(`${prefix}a!$&'()*+,;=:@b`);
  });

  it('encodes characters outside the segment set', () => {
    expect(buildPath('a"<>\\^`{|}#b')).toBe(`${prefix}a%22%3C%3E%5C%5E%60%7B%7C%7D%23b`);
  });

  it('upper-cases the hex digits of an existing escape', () => {
    expect(buildPath('caf%c3%a9')).toBe(`${prefix}caf%C3%A9`);
  });

  it('decodes an escaped unreserved character', () => {
    expect(buildPath('%7euser/%41%2d%5f%2E')).toBe(`${prefix}~user/A-_.`);
  });

  it('keeps an escaped slash encoded', () => {
    expect(buildPath('a%2fb')).toBe(`${prefix}a%2Fb`);
  });

  it('encodes a stray percent sign', () => {
    expect(buildPath('50%off')).toBe(`${prefix}50%25off`);
  });

  it('encodes a percent sign at the end', () => {
    expect(buildPath('100%')).toBe(`${prefix}100%25`);
  });

  it('encodes a percent sign before one hex digit', () => {
    expect(buildPath('a%4')).toBe(`${prefix}a%254`);
  });

  it('encodes a line separator', () => {
    expect(buildPath('a\u2028b')).toBe(`${prefix}a%E2%80%A8b`);
  });
});

describe('buildInvokeUrl query', () => {
  it('starts the query at the first question mark', () => {
    expect(buildPath('search?q=a b&limit=5')).toBe(`${prefix}search?q=a%20b&limit=5`);
  });

  it('keeps slashes and question marks in the query', () => {
    expect(buildPath('s?next=/a/b?c')).toBe(`${prefix}s?next=/a/b?c`);
  });

  it('encodes a hash in the query', () => {
    expect(buildPath('s?tag=#1')).toBe(`${prefix}s?tag=%231`);
  });

  it('encodes a stray percent sign in the query', () => {
    expect(buildPath('s?rate=5%&x=%41%2b')).toBe(`${prefix}s?rate=5%25&x=A%2B`);
  });

  it('drops an empty query', () => {
    expect(buildPath('search?')).toBe(`${prefix}search`);
  });

  it('accepts a query without a path', () => {
    expect(buildPath('?limit=5')).toBe(`${prefix}?limit=5`);
  });

  it('accepts dot segments inside the query', () => {
    expect(buildPath('a?x=../..&y=./')).toBe(`${prefix}a?x=../..&y=./`);
  });
});

describe('buildInvokeUrl dot segments', () => {
  it.each(['.', '..', 'a/../b', 'a/./b', 'a/..', '../?x=1', '%2E%2E', '%2e%2E/x', '.%2E', '%2e'])(
    'rejects the path %j',
    (path) => {
      const error = catchInputError(() => buildPath(path));

      expect(error.field).toBe('path');
      expect(error.message).toContain('is not accepted');
    },
  );

  it.each(['...', '.a', 'a..', '..a', '%2E%2E%2E'])('accepts the path segment %j', (path) => {
    expect(buildPath(path).startsWith(prefix)).toBe(true);
  });

  it.each(['.', '..', '%2E', '%2e%2E', ''])('rejects the workload ID %j', (workloadId) => {
    const error = catchInputError(() => build({ baseUrl: base, workloadId }));

    expect(error.field).toBe('workloadId');
  });

  it('resolves dot segments in the base path', () => {
    expect(build({ baseUrl: `${base}/a/../b/%2e%2e/c`, workloadId: 'w' })).toBe(
      `${base}/c/api/v2/endpoints/workloads/w/`,
    );
  });
});

describe('buildInvokeUrl endpoint', () => {
  it('appends the path to the endpoint', () => {
    expect(build({ endpoint: `${base}/custom`, path: 'chat' })).toBe(`${base}/custom/chat`);
  });

  it('uses the endpoint over baseUrl and workloadId', () => {
    const url = build({
      endpoint: `${base}/api/v2/endpoints/workloads/wl-2/`,
      baseUrl: 'ftp://ignored',
      workloadId: '..',
      path: 'a',
    });

    expect(url).toBe(`${base}/api/v2/endpoints/workloads/wl-2/a`);
  });

  it('rejects an empty endpoint', () => {
    const error = catchInputError(() => build({ endpoint: '', baseUrl: base, workloadId: 'w' }));

    expect(error.field).toBe('endpoint');
  });
});

describe('buildInvokeUrl rejects', () => {
  it.each([
    'ftp://app.example.com',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'ws://app.example.com',
    'mailto:user@example.com',
    'data:text/plain,hi',
  ])('rejects the scheme of %j', (baseUrl) => {
    const error = catchInputError(() => build({ baseUrl, workloadId: 'w' }));

    expect(error.field).toBe('baseUrl');
    expect(error.message).toContain('http://');
  });

  it.each(['app.example.com', '/relative/path', '', 'http://'])(
    'rejects %j as not a URL',
    (baseUrl) => {
      const error = catchInputError(() => build({ baseUrl, workloadId: 'w' }));

      expect(error.field).toBe('baseUrl');
    },
  );

  it.each([
    'https://user:secret-password@app.example.com',
    'https://user@app.example.com',
    'https://:secret-password@app.example.com',
  ])('rejects credentials in %j', (baseUrl) => {
    const error = catchInputError(() => build({ baseUrl, workloadId: 'w' }));

    expect(error.field).toBe('baseUrl');
    expect(error.message).toContain('user name or password');
    expect(error.message).not.toContain('secret-password');
  });

  it('rejects credentials in the endpoint', () => {
    const error = catchInputError(() => build({ endpoint: 'https://u:p@app.example.com/x' }));

    expect(error.field).toBe('endpoint');
  });

  it.each([`${base}/?x=1`, `${base}/#top`, `${base}?`])(
    'rejects a query or fragment in %j',
    (baseUrl) => {
      const error = catchInputError(() => build({ baseUrl, workloadId: 'w' }));

      expect(error.field).toBe('baseUrl');
      expect(error.message).toContain('query or a fragment');
    },
  );

  it.each([`${base}/a b`, `${base}\n`, `\t${base}`, `${base}/\u0000`, `${base}/\u2028`])(
    'rejects whitespace or a control character in %j',
    (baseUrl) => {
      const error = catchInputError(() => build({ baseUrl, workloadId: 'w' }));

      expect(error.field).toBe('baseUrl');
    },
  );

  it('rejects a missing baseUrl', () => {
    const error = catchInputError(() => build({ workloadId: 'w' }));

    expect(error.field).toBe('baseUrl');
    expect(error.message).toMatch(/^Missing baseUrl/);
  });

  it('rejects a missing workloadId', () => {
    const error = catchInputError(() => build({ baseUrl: base }));

    expect(error.field).toBe('workloadId');
    expect(error.message).toMatch(/^Missing workloadId/);
  });

  it('rejects a URL longer than the maximum', () => {
    const error = catchInputError(() => buildPath('a'.repeat(maxUrlLength)));

    expect(error.field).toBe('path');
    expect(error.message).toContain(String(maxUrlLength));
  });

  it('accepts a URL of the maximum length', () => {
    const path = 'a'.repeat(maxUrlLength - prefix.length);

    expect(buildPath(path)).toHaveLength(maxUrlLength);
  });
});
