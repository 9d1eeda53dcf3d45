import {
  expectOptionalString,
  quoteForMessage,
  SnippetInputError,
  type SnippetRequest,
} from './request.js';

/** The parts of a request that locate the Workload's API. */
export type InvokeUrlParts = Pick<SnippetRequest, 'endpoint' | 'baseUrl' | 'workloadId' | 'path'>;

/** The maximum length of an invoke URL, well under curl's 128 KiB limit for one argument. */
export const maxUrlLength = 32_768;

const invokePrefix = 'api/v2/endpoints/workloads/';
const unreserved = /^[A-Za-z0-9\-._~]$/;
// RFC 3986 sub-delims plus ':' and '@' may stay raw in a path segment. urllib3, which requests
// uses, encodes every other character, so encoding them here keeps cURL and Python identical.
const segmentSafe = /^[A-Za-z0-9\-._~!$&'()*+,;=:@]$/;
const querySafe = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/?]$/;
const allSegmentSafe = /^[A-Za-z0-9\-._~!$&'()*+,;=:@]*$/;
const allQuerySafe = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/?]*$/;
const hexPair = /^[0-9A-Fa-f]{2}$/;
const utf8 = new TextEncoder();

/**
 * Builds the URL that calls the application path on the Workload: `{baseUrl}/api/v2/endpoints/workloads/{workloadId}/{path}`,
 * or `{endpoint}{path}`. Throws a {@link SnippetInputError} for a missing or invalid part.
 */
export function buildInvokeUrl(parts: InvokeUrlParts): string {
  for (const field of ['endpoint', 'baseUrl', 'workloadId', 'path'] as const) {
    expectOptionalString(field, parts[field]);
  }
  const prefix =
    parts.endpoint === undefined ? workloadUrl(parts) : rootUrl('endpoint', parts.endpoint);
  const url = prefix + encodeAppPath(parts.path ?? '');

  if (url.length > maxUrlLength) {
    throw new SnippetInputError(
      'path',
      `Invalid path: the invoke URL would be ${url.length} characters long, and at most ${maxUrlLength} are accepted.`,
    );
  }
  return url;
}

function workloadUrl(parts: InvokeUrlParts): string {
  if (parts.baseUrl === undefined) {
    throw new SnippetInputError(
      'baseUrl',
      'Missing baseUrl: pass the endpoint URL, or baseUrl together with workloadId.',
    );
  }
  if (parts.workloadId === undefined) {
    throw new SnippetInputError(
      'workloadId',
      'Missing workloadId: pass the endpoint URL, or baseUrl together with workloadId.',
    );
  }
  return `${rootUrl('baseUrl', parts.baseUrl)}${invokePrefix}${encodeWorkloadId(parts.workloadId)}/`;
}

/**
 * Parses an absolute http(s) URL and returns it normalized, with a path that starts with exactly
 * one slash and ends with exactly one.
 */
function rootUrl(field: 'baseUrl' | 'endpoint', text: string): string {
  const expected = `Expected an absolute http:// or https:// URL such as "https://app.example.com".`;

  if (/[\s\p{Cc}]/u.test(text)) {
    throw new SnippetInputError(
      field,
      `Invalid ${field} ${quoteForMessage(text)}: it contains whitespace or a control character. ${expected}`,
    );
  }
  // The URL parser would silently turn an unpaired surrogate into U+FFFD.
  if (/[\ud800-\udfff]/u.test(text)) {
    throw new SnippetInputError(
      field,
      `Invalid ${field} ${quoteForMessage(text)}: it contains an unpaired UTF-16 surrogate, which has no UTF-8 encoding. ${expected}`,
    );
  }

  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SnippetInputError(
      field,
      `Invalid ${field} ${quoteForMessage(text)}: not a URL. ${expected}`,
    );
  }

  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SnippetInputError(
      field,
      `Invalid ${field} ${quoteForMessage(text)}: the scheme ${url.protocol} is not supported. ${expected}`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new SnippetInputError(
      field,
      `Invalid ${field}: it contains a user name or password, which would be shown in the code. Pass the API token as token instead.`,
    );
  }
  if (text.includes('?') || text.includes('#')) {
    throw new SnippetInputError(
      field,
      `Invalid ${field} ${quoteForMessage(text)}: it contains a query or a fragment. Put a query string in path instead.`,
    );
  }

  const segments = url.pathname
    .split('/')
    .map((segment) => encodeText(segment, field, segmentSafe));
  // RFC 3986 parsers read a request target that starts with '//' as an authority. urllib3 1.26,
  // which Debian 12's requests uses, fails on the target //a:b/ as host "a" with port "b".
  const encodedPath = removeDotSegments(segments)
    .join('/')
    .replace(/\/+$/, '')
    .replace(/^\/+/, '/');
  return `${url.protocol}//${url.host}${encodedPath}/`;
}

/**
 * Removes the '.' and '..' segments that the URL parser left in a path, as RFC 3986 does
 * (section 5.2.4), where curl and requests would remove them before sending. The first segment
 * is the empty one before the path's leading slash, which a '..' never removes.
 * A WHATWG URL parser leaves none, but Node 20.20's, ada 2.9.2, keeps the '..' that follows
 * a segment starting with '.', as in /a/.b/../.
 */
function removeDotSegments(segments: readonly string[]): string[] {
  const [root = '', ...rest] = segments;
  const resolved: string[] = [];

  for (const segment of rest) {
    if (segment === '..') resolved.pop();
    else if (segment !== '.') resolved.push(segment);
  }
  return [root, ...resolved];
}

function encodeWorkloadId(workloadId: string): string {
  const encoded = encodeText(workloadId, 'workloadId', segmentSafe);

  if (encoded === '' || encoded === '.' || encoded === '..') {
    throw new SnippetInputError(
      'workloadId',
      `Invalid workloadId ${quoteForMessage(workloadId)}: expected the Workload's ID, such as "65f1c2a9e4b0d3a1f2c3d4e5".`,
    );
  }
  return encoded;
}

/** Encodes the application path segment by segment, keeping '/', and the query after the first '?'. */
function encodeAppPath(path: string): string {
  const queryStart = path.indexOf('?');
  const pathPart = (queryStart === -1 ? path : path.slice(0, queryStart)).replace(/^\/+/, '');
  const query = queryStart === -1 ? '' : path.slice(queryStart + 1);

  const segments = pathPart.split('/').map((segment) => encodeText(segment, 'path', segmentSafe));
  const dotSegment = segments.find((segment) => segment === '.' || segment === '..');

  if (dotSegment !== undefined) {
    throw new SnippetInputError(
      'path',
      `Invalid path ${quoteForMessage(path)}: the segment "${dotSegment}" is not accepted, because it would leave the Workload's URL. Expected an application path such as "chat/completions".`,
    );
  }

  const encodedQuery = encodeText(query, 'path', querySafe);
  return encodedQuery === '' ? segments.join('/') : `${segments.join('/')}?${encodedQuery}`;
}

/**
 * Percent-encodes every character that `safe` does not match, as UTF-8. A '%' followed by two hex
 * digits is an existing escape: it is kept with upper-case digits, or decoded when it stands for
 * an unreserved character, as RFC 3986 normalization and urllib3 do. Any other '%' becomes %25.
 */
function encodeText(
  text: string,
  field: 'baseUrl' | 'endpoint' | 'workloadId' | 'path',
  safe: RegExp,
): string {
  if (safe === segmentSafe ? allSegmentSafe.test(text) : allQuerySafe.test(text)) return text;

  let encoded = '';
  let index = 0;

  while (index < text.length) {
    const codePoint = text.codePointAt(index) as number;
    const character = String.fromCodePoint(codePoint);
    const escapeDigits = text.slice(index + 1, index + 3);

    if (character === '%' && hexPair.test(escapeDigits)) {
      const decoded = String.fromCharCode(Number.parseInt(escapeDigits, 16));
      encoded += unreserved.test(decoded) ? decoded : `%${escapeDigits.toUpperCase()}`;
      index += 3;
      continue;
    }
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) {
      throw new SnippetInputError(
        field,
        `Invalid ${field} ${quoteForMessage(text)}: it contains an unpaired UTF-16 surrogate at index ${index}, which has no UTF-8 encoding. Expected well-formed Unicode text.`,
      );
    }

    encoded += safe.test(character) ? character : percentEncode(character);
    index += character.length;
  }
  return encoded;
}

function percentEncode(character: string): string {
  let encoded = '';

  for (const byte of utf8.encode(character)) {
    encoded += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}
