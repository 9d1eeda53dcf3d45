import type { SnippetField, SnippetRequest } from '../../src/snippets';
import { type ComparableJson, comparableFromValue } from '../run/compare-requests';

/*
 * A model of the snippet module written apart from it: which requests it must reject, and what a
 * server must receive for the others. The property tests compare the module and the real runs
 * against this model, so it shares no code with src/snippets.
 */

/** The limits that the module documents. */
export const limits = {
  tokenLength: 16 * 1024,
  headerBytes: 32 * 1024,
  urlLength: 32_768,
  nestingDepth: 100,
  integerDigits: 4300,
} as const;

/** The header names the module writes itself and so rejects as extra headers. */
export const managedHeaderNames: ReadonlySet<string> = new Set([
  'authorization',
  'content-type',
  'content-length',
  'transfer-encoding',
  'host',
  'connection',
]);

const unreservedCharacter = /^[A-Za-z0-9\-._~]$/;
const tokenCharacters = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const utf8 = new TextEncoder();
// With the u flag, \p{Cs} matches a surrogate only when it is not half of a pair.
const unpairedSurrogate = /\p{Cs}/u;

/** Tells whether a string is well-formed UTF-16, with no unpaired surrogate. */
export function isWellFormedText(text: string): boolean {
  return !unpairedSurrogate.test(text);
}

/** Returns the fields of `request` that the module must reject, none for a valid request. */
export function expectedInvalidFields(request: SnippetRequest): Set<SnippetField> {
  const fields = new Set<SnippetField>();
  const method: unknown = request.method;

  if (method !== 'GET' && method !== 'POST') fields.add('method');
  addUrlProblems(request, fields);
  if (!isValidToken(request.token)) fields.add('token');
  if (!areValidHeaders(request.headers ?? {})) fields.add('headers');
  if (method === 'POST' && !isValidPayload(request.payload)) fields.add('payload');
  return fields;
}

function addUrlProblems(request: SnippetRequest, fields: Set<SnippetField>): void {
  let rootValid = true;

  if (request.endpoint !== undefined) {
    rootValid = isValidRoot(request.endpoint);
    if (!rootValid) fields.add('endpoint');
  } else {
    if (request.baseUrl === undefined || !isValidRoot(request.baseUrl)) {
      fields.add('baseUrl');
      rootValid = false;
    }
    if (request.workloadId === undefined || !isValidWorkloadId(request.workloadId)) {
      fields.add('workloadId');
      rootValid = false;
    }
  }

  const path = request.path ?? '';
  if (!isValidAppPath(path)) {
    fields.add('path');
    return;
  }
  if (rootValid && referenceUrlLength(request) > limits.urlLength) fields.add('path');
}

/** Checks a base URL or endpoint: absolute http(s), without credentials, query or fragment. */
function isValidRoot(text: string): boolean {
  if (/[\s\p{Cc}]/u.test(text) || !isWellFormedText(text)) return false;
  if (text.includes('?') || text.includes('#')) return false;

  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.username === '' &&
    url.password === ''
  );
}

function isValidWorkloadId(workloadId: string): boolean {
  if (!isWellFormedText(workloadId)) return false;

  const normalized = decodeUnreservedEscapes(workloadId);
  return normalized !== '' && normalized !== '.' && normalized !== '..';
}

function isValidAppPath(path: string): boolean {
  if (!isWellFormedText(path)) return false;

  return appPathSegments(path).every((segment) => {
    const normalized = decodeUnreservedEscapes(segment);
    return normalized !== '.' && normalized !== '..';
  });
}

/** Splits the part of an application path before its query, without leading slashes, at '/'. */
export function appPathSegments(path: string): string[] {
  const queryStart = path.indexOf('?');
  const pathPart = queryStart === -1 ? path : path.slice(0, queryStart);
  return pathPart.replace(/^\/+/, '').split('/');
}

/** Returns the query of an application path, the text after its first '?', or ''. */
export function appQuery(path: string): string {
  const queryStart = path.indexOf('?');
  return queryStart === -1 ? '' : path.slice(queryStart + 1);
}

/** Decodes each %XX escape of an unreserved character, as RFC 3986 normalization does. */
function decodeUnreservedEscapes(text: string): string {
  return text.replace(/%([0-9A-Fa-f]{2})/g, (escapeText, hex: string) => {
    const character = String.fromCharCode(Number.parseInt(hex, 16));
    return unreservedCharacter.test(character) ? character : escapeText;
  });
}

/**
 * Returns the path of a base URL or endpoint as the invoke URL starts with it: without dot
 * segments, without slashes at the end and with one slash at the start. The dot segments are
 * removed here too, because Node 20.20's `new URL` keeps some of them, as in /a/.b/../.
 */
export function basePathOf(root: string): string {
  const [, ...segments] = new URL(root).pathname.split('/');
  const resolved: string[] = [];

  for (const segment of segments) {
    const normalized = decodeUnreservedEscapes(segment);
    if (normalized === '..') resolved.pop();
    else if (normalized !== '.') resolved.push(segment);
  }
  return `/${resolved.join('/')}`.replace(/\/+$/, '').replace(/^\/+/, '/');
}

/** Computes the length of the invoke URL from the encoded length of each part. */
function referenceUrlLength(request: SnippetRequest): number {
  const root = new URL((request.endpoint ?? request.baseUrl) as string);
  const basePath = basePathOf(root.href);
  const rootLength =
    `${root.protocol}//${root.host}`.length +
    basePath
      .split('/')
      .map((segment) => encodedLength(segment, false))
      .reduce((sum, length) => sum + length + 1, -1) +
    1;

  const fixedLength =
    request.endpoint !== undefined
      ? 0
      : 'api/v2/endpoints/workloads/'.length + encodedLength(request.workloadId ?? '', false) + 1;

  const path = request.path ?? '';
  const segments = appPathSegments(path);
  const pathLength = segments
    .map((segment) => encodedLength(segment, false))
    .reduce((sum, length) => sum + length + 1, -1);
  const query = encodedLength(appQuery(path), true);

  return rootLength + fixedLength + pathLength + (query === 0 ? 0 : query + 1);
}

/** Counts the characters of `text` once percent-encoded for a path segment or a query. */
function encodedLength(text: string, inQuery: boolean): number {
  const safe = inQuery ? /^[A-Za-z0-9\-._~!$&'()*+,;=:@/?]$/ : /^[A-Za-z0-9\-._~!$&'()*+,;=:@]$/;
  let length = 0;
  let index = 0;

  while (index < text.length) {
    const escapeMatch = /^%[0-9A-Fa-f]{2}/.exec(text.slice(index, index + 3));
    if (escapeMatch !== null) {
      const character = String.fromCharCode(Number.parseInt(text.slice(index + 1, index + 3), 16));
      length += unreservedCharacter.test(character) ? 1 : 3;
      index += 3;
      continue;
    }
    const character = String.fromCodePoint(text.codePointAt(index) as number);
    length += safe.test(character) ? 1 : utf8.encode(character).length * 3;
    index += character.length;
  }
  return length;
}

function isValidToken(token: string | undefined): boolean {
  const trimmed = token?.trim() ?? '';
  return trimmed === '' || (trimmed.length <= limits.tokenLength && /^[\x21-\x7e]+$/.test(trimmed));
}

/** Strips the spaces and tabs that HTTP drops around a field value. */
export function trimHeaderValue(value: string): string {
  return value.replace(/^[ \t]+|[ \t]+$/g, '');
}

function areValidHeaders(headers: Readonly<Record<string, string>>): boolean {
  const seen = new Set<string>();
  let totalBytes = 0;

  for (const [name, value] of Object.entries(headers)) {
    const lowerName = name.toLowerCase();
    if (!tokenCharacters.test(name) || managedHeaderNames.has(lowerName) || seen.has(lowerName)) {
      return false;
    }
    seen.add(lowerName);

    if (typeof value !== 'string') return false;
    const trimmed = trimHeaderValue(value);
    if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(trimmed) || !isWellFormedText(trimmed))
      return false;

    totalBytes += utf8.encode(`${name}: ${trimmed}`).length;
    if (totalBytes > limits.headerBytes) return false;
  }
  return true;
}

function isValidPayload(payload: unknown): boolean {
  if (payload === undefined) return true;
  if (typeof payload === 'string') return parseReferenceJson(payload) !== undefined;
  return isValidValue(payload, []);
}

function isValidValue(value: unknown, ancestors: object[]): boolean {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object') return false;
  if (ancestors.includes(value) || ancestors.length >= limits.nestingDepth) return false;

  const inner = [...ancestors, value];
  if (Array.isArray(value)) {
    return Array.from(value as unknown[]).every((item) => isValidValue(item, inner));
  }

  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  return Object.values(value).every((item) => item === undefined || isValidValue(item, inner));
}

/**
 * Parses a JSON text that both JSON.parse and the module's limits accept, into comparable form.
 * Returns undefined for any other text, and for raw unpaired surrogates, which have no UTF-8
 * encoding.
 */
export function parseReferenceJson(text: string): ComparableJson | undefined {
  try {
    JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isWellFormedText(text)) return undefined;

  const parser = new ReferenceParser(text);
  return parser.parseDocument();
}

class ReferenceParser {
  private index = 0;

  constructor(private readonly text: string) {}

  parseDocument(): ComparableJson | undefined {
    const value = this.parseValue(0);
    this.skipWhitespace();
    return this.index === this.text.length ? value : undefined;
  }

  private parseValue(depth: number): ComparableJson | undefined {
    this.skipWhitespace();
    const character = this.text[this.index];

    if (character === '[' || character === '{') {
      if (depth >= limits.nestingDepth) return undefined;
      return character === '[' ? this.parseArray(depth) : this.parseObject(depth);
    }
    if (character === '"') return this.parseString();

    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.index)) {
        this.index += word.length;
        return value;
      }
    }
    return this.parseNumber();
  }

  private parseArray(depth: number): ComparableJson | undefined {
    const items: ComparableJson[] = [];
    this.index += 1;
    this.skipWhitespace();
    if (this.text[this.index] === ']') {
      this.index += 1;
      return items;
    }

    for (;;) {
      const item = this.parseValue(depth + 1);
      if (item === undefined) return undefined;
      items.push(item);
      this.skipWhitespace();

      const separator = this.text[this.index];
      this.index += 1;
      if (separator === ']') return items;
    }
  }

  private parseObject(depth: number): ComparableJson | undefined {
    const entries = new Map<string, ComparableJson>();
    this.index += 1;
    this.skipWhitespace();
    if (this.text[this.index] === '}') {
      this.index += 1;
      return entries;
    }

    for (;;) {
      this.skipWhitespace();
      const key = this.parseString();
      this.skipWhitespace();
      this.index += 1;
      const value = this.parseValue(depth + 1);
      if (value === undefined) return undefined;
      // A later duplicate key wins, as in JSON.parse and in a Python dict literal.
      entries.set(key, value);
      this.skipWhitespace();

      const separator = this.text[this.index];
      this.index += 1;
      if (separator === '}') return entries;
    }
  }

  /** Reads a string token, whose syntax JSON.parse has already checked. */
  private parseString(): string {
    let end = this.index + 1;
    while (this.text[end] !== '"') end += this.text[end] === '\\' ? 2 : 1;

    const token = this.text.slice(this.index, end + 1);
    this.index = end + 1;
    return JSON.parse(token) as string;
  }

  private parseNumber(): ComparableJson | undefined {
    const match = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
    match.lastIndex = this.index;
    const token = match.exec(this.text)?.[0] ?? '';
    this.index += token.length;

    if (!/[.eE]/.test(token)) {
      return token.replace('-', '').length > limits.integerDigits ? undefined : BigInt(token);
    }
    const value = Number(token);
    return Number.isFinite(value) ? value : undefined;
  }

  private skipWhitespace(): void {
    while (/[ \t\n\r]/.test(this.text[this.index] ?? '')) this.index += 1;
  }
}

/** What the server must receive for a valid request. */
export interface ExpectedRequest {
  readonly method: 'GET' | 'POST';
  readonly authorization: string;
  readonly accept: string;
  readonly contentType: string | undefined;
  /** The extra headers as lower-cased name and trimmed value. */
  readonly extraHeaders: readonly (readonly [string, string])[];
  /** The body as JSON, or undefined for GET. */
  readonly body: ComparableJson | undefined;
  /** The exact body that cURL sends, or undefined for GET. */
  readonly curlBodyText: string | undefined;
}

/** The body a POST without payload sends, as the module documents it. */
const placeholderBody = {
  input: 'Replace this object with the request body of your application.',
};

/**
 * Describes what a server must receive for a valid request, when API_TOKEN is `environmentToken`.
 */
export function describeExpected(
  request: SnippetRequest,
  environmentToken: string,
): ExpectedRequest {
  const extraHeaders = Object.entries(request.headers ?? {}).map(
    ([name, value]) => [name.toLowerCase(), trimHeaderValue(value)] as const,
  );
  const givenAccept = extraHeaders.find(([name]) => name === 'accept')?.[1];
  const token = request.token?.trim() || environmentToken;
  const common = { authorization: `Bearer ${token}`, extraHeaders };

  if (request.method === 'GET') {
    return {
      ...common,
      method: 'GET',
      accept: givenAccept ?? '*/*',
      contentType: undefined,
      body: undefined,
      curlBodyText: undefined,
    };
  }

  const payload = request.payload === undefined ? placeholderBody : request.payload;
  const isText = typeof payload === 'string';
  return {
    ...common,
    method: 'POST',
    accept: givenAccept ?? 'application/json',
    contentType: 'application/json; charset=UTF-8',
    body: isText ? parseReferenceJson(payload) : comparableFromValue(payload),
    curlBodyText: isText ? payload : JSON.stringify(payload, null, 2),
  };
}

/** Compares two comparable JSON values exactly: -0 differs from 0, and key order is ignored. */
export function sameJson(
  left: ComparableJson | undefined,
  right: ComparableJson | undefined,
): boolean {
  if (typeof left === 'number' && typeof right === 'number') return Object.is(left, right);
  if (left instanceof Map && right instanceof Map) {
    if (left.size !== right.size) return false;
    for (const [key, value] of left) {
      if (!right.has(key) || !sameJson(value, right.get(key))) return false;
    }
    return true;
  }
  if (Array.isArray(left) && Array.isArray(right)) {
    return (
      left.length === right.length && left.every((item, index) => sameJson(item, right[index]))
    );
  }
  return left === right;
}
