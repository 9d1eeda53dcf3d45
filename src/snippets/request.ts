/** An HTTP method the panel writes examples for. */
export type HttpMethod = 'GET' | 'POST';

/** A value that JSON can represent. */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

/**
 * A request body: a JSON value, or a JSON text that is validated and then sent exactly as given.
 * A string is always read as JSON text, so the JSON string "hi" is written as `'"hi"'`.
 */
export type Payload = JsonValue;

/** The request an example describes. */
export interface SnippetRequest {
  /** The HTTP method. */
  readonly method: HttpMethod;
  /** The Workload's full invoke URL, its `endpoint` field; it wins over `baseUrl` and `workloadId`. */
  readonly endpoint?: string | undefined;
  /** The platform's base URL, such as `https://app.example.com`. */
  readonly baseUrl?: string | undefined;
  /** The Workload's ID, encoded as one path segment. */
  readonly workloadId?: string | undefined;
  /** The application path appended to the invoke URL, such as `chat/completions`; a `?` starts the query. */
  readonly path?: string | undefined;
  /** Extra request headers. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** The API token; without one, the code reads it from the `API_TOKEN` environment variable. */
  readonly token?: string | undefined;
  /** The POST body; without one, POST sends a placeholder object. GET never sends a body. */
  readonly payload?: Payload | undefined;
}

/** The fields of a request that an error can name. */
export type SnippetField =
  | 'method'
  | 'endpoint'
  | 'baseUrl'
  | 'workloadId'
  | 'path'
  | 'headers'
  | 'token'
  | 'payload';

/**
 * The error thrown for a request that cannot be turned into code. The message names the field,
 * quotes the value at fault (never the token) and states what is accepted.
 */
export class SnippetInputError extends Error {
  /** The request field at fault. */
  readonly field: SnippetField;

  constructor(field: SnippetField, message: string) {
    super(message);
    this.name = 'SnippetInputError';
    this.field = field;
  }
}

/**
 * Returns the type of a value for an error message: `null`, `array`, the class name of an
 * instance such as `URL` or `Map`, `object` for a plain object, or else the `typeof` result.
 */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value !== 'object') return typeof value;

  return isPlainObject(value) ? 'object' : (value.constructor?.name ?? 'object');
}

/** Tells whether `value` is an object literal or has no prototype, not a class instance. */
export function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Rejects a field from an untyped caller that is given but is not a string. The message names
 * only the type, never the value, because the field may be the token.
 */
export function expectOptionalString(field: SnippetField, value: unknown): void {
  if (value === undefined || typeof value === 'string') return;

  throw new SnippetInputError(
    field,
    `Invalid ${field}: the value is of type ${describeType(value)}. Expected a string, or leave ${field} out.`,
  );
}

const maxQuotedLength = 80;

/** Quotes a value for an error message, shortened so that a huge input cannot flood the message. */
export function quoteForMessage(value: string): string {
  const quoted = JSON.stringify(value);

  if (quoted.length <= maxQuotedLength) return quoted;

  let shortened = quoted.slice(0, maxQuotedLength - 2);
  // A cut between the halves of a surrogate pair would leave an unpaired surrogate.
  if (/[\ud800-\udbff]$/.test(shortened)) shortened = shortened.slice(0, -1);
  return `${shortened}…" (${value.length} characters)`;
}
