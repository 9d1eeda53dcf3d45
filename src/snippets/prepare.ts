import { buildInvokeUrl } from './invoke-url.js';
import { type JsonNode, parseJsonText, stringifyTree, treeFromValue } from './json-tree.js';
import {
  describeType,
  expectOptionalString,
  type HttpMethod,
  isPlainObject,
  type Payload,
  quoteForMessage,
  SnippetInputError,
  type SnippetRequest,
} from './request.js';

/** The form in which the code contains the API token. */
export type Credential =
  | { readonly kind: 'token'; readonly token: string }
  | { readonly kind: 'masked'; readonly mask: string }
  | { readonly kind: 'environment'; readonly variable: string };

/** A request body as JSON text for cURL and as a tree for Python. */
export interface PreparedBody {
  /** The exact bytes to send, as text: a JSON text as given, or a JSON value pretty-printed. */
  readonly text: string;
  readonly tree: JsonNode;
}

/** A validated request, ready for a language's generator. */
export interface PreparedRequest {
  readonly method: HttpMethod;
  readonly url: string;
  readonly credential: Credential;
  /** Headers in the order sent, after Authorization. */
  readonly headers: readonly (readonly [name: string, value: string])[];
  /** The body; always present on POST and never on GET. */
  readonly body: PreparedBody | undefined;
}

/** Options for writing the code. */
export interface SnippetOptions {
  /**
   * Whether the real token appears in the code; when false, the token shows as the mask.
   * @defaultValue false
   */
  readonly showSecrets?: boolean | undefined;
}

/** What the code shows in place of a hidden token; its width never depends on the token. */
export const secretMask = '*****';

/** The environment variable the code reads when no token is given. */
export const tokenVariable = 'API_TOKEN';

/** The body sent on POST when the request gives none, frozen because every request shares it. */
export const placeholderPayload = Object.freeze({
  input: 'Replace this object with the request body of your application.',
});

/**
 * The maximum token length, in characters. It is far beyond real bearer tokens, and short enough
 * that curl's Authorization argument stays under Linux's 128 KiB limit for one argument.
 */
export const maxTokenLength = 16 * 1024;

/**
 * The maximum number of UTF-8 bytes in the extra header lines ("Name: value") together. curl gets
 * each header as one argument, and Linux limits one argument to 128 KiB.
 */
export const maxHeaderBytes = 32 * 1024;

const headerName = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const printableAscii = /^[\x21-\x7e]+$/;
const utf8 = new TextEncoder();
// A Map, because a plain object would also match inherited names such as "constructor".
const managedHeaders: ReadonlyMap<string, string> = new Map([
  ['authorization', 'the panel writes it from token'],
  ['content-type', 'the panel sets it to application/json for the JSON body'],
  ['content-length', 'the HTTP client computes it'],
  ['transfer-encoding', 'the HTTP client sets it'],
  ['host', 'the HTTP client sets it from the URL'],
  ['connection', 'the HTTP client manages the connection'],
]);

/** Validates a request and resolves its URL, credential, headers and body. */
export function prepareRequest(
  request: SnippetRequest,
  options: SnippetOptions = {},
): PreparedRequest {
  validateMethod(request.method);
  const url = buildInvokeUrl(request);
  const credential = prepareCredential(request.token, options.showSecrets ?? false);
  const extraHeaders = prepareHeaders(request.headers === undefined ? {} : request.headers);

  // GET sends no body, so its payload is neither read nor validated.
  if (request.method === 'GET') {
    return { method: 'GET', url, credential, headers: extraHeaders, body: undefined };
  }

  const body = prepareBody(request.payload);

  const acceptGiven = extraHeaders.some(([name]) => name.toLowerCase() === 'accept');
  const headers: (readonly [string, string])[] = [
    ['Content-Type', 'application/json; charset=UTF-8'],
  ];
  if (!acceptGiven) headers.push(['Accept', 'application/json']);

  return { method: 'POST', url, credential, headers: [...headers, ...extraHeaders], body };
}

/** Rejects a method from untyped callers that the panel writes no example for. */
function validateMethod(method: unknown): void {
  if (method === 'GET' || method === 'POST') return;

  const quotedMethod = typeof method === 'string' ? quoteForMessage(method) : String(method);
  throw new SnippetInputError(
    'method',
    `Invalid method ${quotedMethod}: expected "GET" or "POST".`,
  );
}

/**
 * Trims whitespace around the token and checks the rest. The messages never quote the token,
 * because an error may be shown or logged where the token must not appear.
 */
function prepareCredential(token: string | undefined, showSecrets: boolean): Credential {
  expectOptionalString('token', token);
  const trimmed = token?.trim() ?? '';

  if (trimmed === '') return { kind: 'environment', variable: tokenVariable };

  if (trimmed.length > maxTokenLength) {
    throw new SnippetInputError(
      'token',
      `Invalid token: it is ${trimmed.length} characters long, and at most ${maxTokenLength} are accepted.`,
    );
  }

  if (!printableAscii.test(trimmed)) {
    const problem = /[\r\n]/.test(trimmed)
      ? 'a line break'
      : /\s/.test(trimmed)
        ? 'whitespace inside it'
        : 'a control or non-ASCII character';
    throw new SnippetInputError(
      'token',
      `Invalid token: it contains ${problem}. Expected one line of printable ASCII with no spaces; whitespace at either end is trimmed.`,
    );
  }

  return showSecrets ? { kind: 'token', token: trimmed } : { kind: 'masked', mask: secretMask };
}

function prepareHeaders(headers: Readonly<Record<string, string>>): (readonly [string, string])[] {
  // A Map or another class instance would pass an object check, and Object.entries would then
  // drop its headers without a word.
  if (typeof headers !== 'object' || headers === null || !isPlainObject(headers)) {
    throw new SnippetInputError(
      'headers',
      `Invalid headers: the value is of type ${describeType(headers)}. Expected a plain object of header names and string values.`,
    );
  }
  const seen = new Map<string, string>();
  const prepared: (readonly [string, string])[] = [];
  let totalBytes = 0;

  for (const [name, value] of Object.entries(headers)) {
    const field = `headers[${quoteForMessage(name)}]`;
    const lowerName = name.toLowerCase();

    if (!headerName.test(name)) {
      throw new SnippetInputError(
        'headers',
        `Invalid headers: the name ${quoteForMessage(name)} is not an HTTP header name. Expected letters, digits and any of !#$%&'*+-.^_\`|~.`,
      );
    }
    const managedReason = managedHeaders.get(lowerName);
    if (managedReason !== undefined) {
      throw new SnippetInputError(
        'headers',
        `Invalid ${field}: this header is not accepted, because ${managedReason}.`,
      );
    }

    const earlier = seen.get(lowerName);
    if (earlier !== undefined) {
      throw new SnippetInputError(
        'headers',
        `Invalid ${field}: it repeats the header ${quoteForMessage(earlier)}, because header names ignore case. Expected each header once.`,
      );
    }
    seen.set(lowerName, name);

    if (typeof value !== 'string') {
      throw new SnippetInputError(
        'headers',
        `Invalid ${field}: the value is of type ${describeType(value)}. Expected a string.`,
      );
    }
    // HTTP drops spaces and tabs around a field value, and requests rejects a leading one.
    const trimmed = value.replace(/^[ \t]+|[ \t]+$/g, '');
    if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(trimmed)) {
      throw new SnippetInputError(
        'headers',
        `Invalid ${field} ${quoteForMessage(value)}: the value contains a line break or a control character, which could start another header. Expected one line of text.`,
      );
    }
    if (/[\ud800-\udfff]/u.test(trimmed)) {
      throw new SnippetInputError(
        'headers',
        `Invalid ${field} ${quoteForMessage(value)}: the value contains an unpaired UTF-16 surrogate, which has no UTF-8 encoding. Expected well-formed Unicode text.`,
      );
    }

    totalBytes += utf8.encode(`${name}: ${trimmed}`).length;
    if (totalBytes > maxHeaderBytes) {
      throw new SnippetInputError(
        'headers',
        `Invalid ${field}: the headers up to this one take ${totalBytes} bytes, and at most ${maxHeaderBytes} are accepted.`,
      );
    }
    prepared.push([name, trimmed]);
  }
  return prepared;
}

function prepareBody(payload: Payload | undefined): PreparedBody {
  if (typeof payload === 'string') {
    return { text: payload, tree: parseJsonText(payload) };
  }

  // The text is written from the tree, so that cURL and Python send the same body even when a
  // getter or a proxy in the payload returns a different value on each read.
  const tree = treeFromValue(payload === undefined ? placeholderPayload : payload);
  return { text: stringifyTree(tree), tree };
}
