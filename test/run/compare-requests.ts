import { type JsonValue, placeholderPayload } from '../../src/snippets';
import { type JsonNode, parseJsonText } from '../../src/snippets/json-tree';
import type { RequestFixture } from '../fixtures/requests';
import type { RecordedRequest } from './echo-server';

/**
 * A JSON value in a form that `toEqual` compares exactly: integers as bigint, other numbers as
 * number, and objects as Maps in which a later duplicate key wins, as in JSON.parse and Python.
 */
export type ComparableJson =
  | null
  | boolean
  | string
  | bigint
  | number
  | readonly ComparableJson[]
  | ReadonlyMap<string, ComparableJson>;

/** What a fixture's request must look like on the server. */
export interface ExpectedRequest {
  readonly method: 'GET' | 'POST';
  readonly target: string;
  readonly authorization: string;
  readonly accept: string;
  /** The media type of Content-Type, or undefined for GET, which sends neither body nor type. */
  readonly mediaType: string | undefined;
  /** The extra headers as lower-cased name and value, without spaces or tabs at either end. */
  readonly extraHeaders: readonly (readonly [string, string])[];
  /** The body as JSON, or undefined for GET. */
  readonly body: ComparableJson | undefined;
  /** The exact body text that cURL sends, or undefined for GET. */
  readonly curlBodyText: string | undefined;
}

/** Converts a parsed JSON text to its comparable form. */
export function comparableFromTree(node: JsonNode): ComparableJson {
  switch (node.type) {
    case 'null':
      return null;
    case 'boolean':
    case 'string':
      return node.value;
    case 'number':
      return comparableNumber(node.text);
    case 'array':
      return node.items.map(comparableFromTree);
    case 'object':
      return new Map(node.entries.map(([key, value]) => [key, comparableFromTree(value)]));
  }
}

/** Converts a JavaScript JSON value to its comparable form, reading numbers as JSON writes them. */
export function comparableFromValue(value: JsonValue): ComparableJson {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return comparableNumber(JSON.stringify(value));
  if (Array.isArray(value)) return value.map(comparableFromValue);

  const entries = Object.entries(value as Record<string, JsonValue>);
  return new Map(entries.map(([key, item]) => [key, comparableFromValue(item)]));
}

/** Parses a received body as UTF-8 JSON text, keeping integers of any size exact. */
export function comparableFromBody(body: Buffer): ComparableJson {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  return comparableFromTree(parseJsonText(text));
}

function comparableNumber(text: string): bigint | number {
  return /[.eE]/.test(text) ? Number(text) : BigInt(text);
}

/** Returns the media type of a Content-Type value, lower-cased and without parameters. */
export function mediaTypeOf(contentType: string): string {
  return (contentType.split(';')[0] as string).trim().toLowerCase();
}

/** Describes what the server must receive for `fixture` when the code runs with the token shown. */
export function describeExpectedRequest(
  fixture: RequestFixture,
  environmentToken: string,
): ExpectedRequest {
  const { request } = fixture;
  const token = request.token?.trim() || environmentToken;
  const extraHeaders = Object.entries(request.headers ?? {}).map(
    ([name, value]) => [name.toLowerCase(), value.replace(/^[ \t]+|[ \t]+$/g, '')] as const,
  );
  const givenAccept = extraHeaders.find(([name]) => name === 'accept')?.[1];
  const common = {
    method: request.method,
    target: fixture.target,
    authorization: `Bearer ${token}`,
    extraHeaders,
  };

  if (request.method === 'GET') {
    // With no Accept given, curl and requests both send their default, */*.
    return {
      ...common,
      accept: givenAccept ?? '*/*',
      mediaType: undefined,
      body: undefined,
      curlBodyText: undefined,
    };
  }

  // Only a missing payload means the placeholder: null is the JSON value null.
  const payload = request.payload === undefined ? placeholderPayload : request.payload;
  const isText = typeof payload === 'string';
  return {
    ...common,
    accept: givenAccept ?? 'application/json',
    mediaType: 'application/json',
    body: isText ? comparableFromTree(parseJsonText(payload)) : comparableFromValue(payload),
    curlBodyText: isText ? payload : JSON.stringify(payload, null, 2),
  };
}

/** The parts of a received request that the tests compare, in comparable form. */
export interface ReceivedRequest {
  readonly method: string;
  readonly target: string;
  readonly authorization: readonly string[];
  readonly accept: readonly string[];
  readonly contentType: readonly string[];
  readonly mediaType: string | undefined;
  readonly transferEncoding: readonly string[];
  readonly contentLength: readonly string[];
  readonly headers: ReadonlyMap<string, readonly string[]>;
  readonly bodyBytes: number;
  /** The body as JSON, or undefined when the body is empty. */
  readonly body: ComparableJson | undefined;
}

/** Picks out the compared parts of a recorded request and parses its body as JSON. */
export function summarizeReceived(recorded: RecordedRequest): ReceivedRequest {
  const values = (name: string) => recorded.headers.get(name) ?? [];
  const contentType = values('content-type');

  return {
    method: recorded.method,
    target: recorded.target,
    authorization: values('authorization'),
    accept: values('accept'),
    contentType,
    mediaType: contentType[0] === undefined ? undefined : mediaTypeOf(contentType[0]),
    transferEncoding: values('transfer-encoding'),
    contentLength: values('content-length'),
    headers: recorded.headers,
    bodyBytes: recorded.body.length,
    body: recorded.body.length === 0 ? undefined : comparableFromBody(recorded.body),
  };
}
