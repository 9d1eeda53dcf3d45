// The requests that every benchmark uses, as the package's SnippetRequest and as the HAR
// request that httpsnippet reads. Both forms describe the same HTTP request.

export const endpoint =
  'https://app.example.com/api/v2/endpoints/workloads/65f1c2a9e4b0d3a1f2c3d4e5/';
export const token = 'sk-bench-4f9c2d7a1b6e8f30';

/** The application path of the POST request; the panel uses one path for both examples. */
export const chatPath = 'v1/chat/completions';
const modelsPath = 'v1/models';

/** Minimum body sizes of the POST cases, in UTF-8 bytes of the JSON text. `small` is one message. */
export const bodySizes = [
  { name: 'small', bytes: 0 },
  { name: '10 KiB', bytes: 10 * 1024 },
  { name: '1 MiB', bytes: 1024 * 1024 },
];

const utf8 = new TextEncoder();

/**
 * Builds a chat-completion body whose pretty-printed JSON text is at least `minBytes` long in
 * UTF-8. The messages contain quotes, apostrophes and non-ASCII letters, which the shell and
 * Python writers must escape. The content is fixed, so every run measures the same text.
 */
export function buildPayloadText(minBytes) {
  const body = { model: 'llama-3.1-8b-instruct', temperature: 0.2, max_tokens: 512, messages: [] };
  const textLength = () => utf8.encode(JSON.stringify(body, null, 2)).length;

  body.messages.push(buildMessage(0));
  const oneMessageLength = textLength();
  body.messages.push(buildMessage(1));
  const messageLength = textLength() - oneMessageLength;

  // Later messages have longer numbers, so this count errs on the long side. The loop adds any
  // missing message, and the estimate saves stringifying the body once per message.
  const count = Math.max(1, 1 + Math.ceil((minBytes - oneMessageLength) / messageLength));
  body.messages = Array.from({ length: count }, (_, index) => buildMessage(index));
  while (textLength() < minBytes) body.messages.push(buildMessage(body.messages.length));

  return JSON.stringify(body, null, 2);
}

function buildMessage(index) {
  return {
    role: index % 2 === 0 ? 'user' : 'assistant',
    content: `Message ${index}: it's a "quoted" line with ünïcödé letters and a $HOME that stays literal.`,
  };
}

/** Returns the UTF-8 length of `text` in bytes. */
export function byteLength(text) {
  return utf8.encode(text).length;
}

/** Returns the GET request, which has no body. */
export function getRequest() {
  return { method: 'GET', endpoint, path: modelsPath, token };
}

/** Returns the POST request, whose body is `payloadText` sent exactly as given. */
export function postRequest(payloadText) {
  return { method: 'POST', endpoint, path: chatPath, token, payload: payloadText };
}

/**
 * Converts a request of this module to a HAR 1.2 request with the headers that the package's
 * generators write, so that every generator sends the same bytes.
 */
export function toHar(request) {
  const headers = [{ name: 'Authorization', value: `Bearer ${request.token}` }];
  const har = {
    method: request.method,
    url: `${request.endpoint}${request.path}`,
    httpVersion: 'HTTP/1.1',
    headers,
    queryString: [],
    cookies: [],
    headersSize: -1,
    bodySize: -1,
  };

  if (request.method === 'POST') {
    headers.push({ name: 'Content-Type', value: 'application/json; charset=UTF-8' });
    headers.push({ name: 'Accept', value: 'application/json' });
    har.postData = { mimeType: 'application/json', text: request.payload };
  }
  return har;
}
