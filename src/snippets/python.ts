import type { Credential, PreparedRequest } from './prepare.js';
import { formatPythonLiteral, pythonString } from './python-literal.js';

/** Seconds that requests waits for the server; without a timeout it can wait forever. */
export const pythonTimeoutSeconds = 60;

/** Writes the request as a Python script that uses requests and prints the response. */
export function generatePython(request: PreparedRequest): string {
  const imports =
    request.credential.kind === 'environment' ? 'import os\n\nimport requests' : 'import requests';
  const headerLines = [
    `    "Authorization": ${authorizationValue(request.credential)},`,
    ...request.headers.map(([name, value]) => `    ${pythonString(name)}: ${headerValue(value)},`),
  ];
  const setup = [`url = ${pythonString(request.url)}`, `headers = {\n${headerLines.join('\n')}\n}`];
  const call = ['url', 'headers=headers'];
  const body = request.body;

  if (body !== undefined && body.tree.type === 'null') {
    // requests sends no body at all for json=None, so the JSON null goes as text.
    call.push('data="null"');
  } else if (body !== undefined) {
    setup.push(formatPythonLiteral(body.tree, 'payload = '));
    call.push('json=payload');
  }
  call.push(`timeout=${pythonTimeoutSeconds}`);

  const method = request.method.toLowerCase();
  return [
    imports,
    '',
    setup.join('\n'),
    '',
    `response = requests.${method}(${call.join(', ')})`,
    'print(response.status_code)',
    'print(response.text)',
  ].join('\n');
}

function authorizationValue(credential: Credential): string {
  switch (credential.kind) {
    case 'token':
      return pythonString(`Bearer ${credential.token}`);
    case 'masked':
      return pythonString(`Bearer ${credential.mask}`);
    case 'environment':
      return `"Bearer " + os.environ[${pythonString(credential.variable)}]`;
  }
}

function headerValue(value: string): string {
  // http.client encodes a str header value as Latin-1, which fails or garbles other text,
  // while curl sends UTF-8. Bytes are sent as they are, so both send the same.
  return /^[\x00-\x7f]*$/.test(value) ? pythonString(value) : `${pythonString(value)}.encode()`;
}
