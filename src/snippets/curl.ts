import type { Credential, PreparedRequest } from './prepare.js';
import { quoteShellWord } from './shell-quote.js';

/**
 * The largest body passed as an argument, in UTF-8 bytes. Linux limits one argument to 128 KiB,
 * so a larger body goes through standard input from the shell's built-in printf, which has no
 * such limit.
 */
export const maxArgumentBodyBytes = 64 * 1024;

const utf8 = new TextEncoder();

/** Writes the request as a curl command for POSIX shells. */
export function generateCurl(request: PreparedRequest): string {
  const lines = [
    `curl --request ${request.method} ${quoteShellWord(request.url)}`,
    ...globoffOption(request.url),
    `--header ${authorizationWord(request.credential)}`,
    ...request.headers.map(([name, value]) => `--header ${headerWord(name, value)}`),
  ];
  const body = request.body?.text;

  if (body === undefined) return joinContinuedLines(lines);

  if (fitsInArgument(body)) {
    return joinContinuedLines([...lines, `--data-raw ${quoteShellWord(body)}`]);
  }
  return `printf '%s' ${quoteShellWord(body)} |\n  ${joinContinuedLines([...lines, '--data-binary @-'], '  ')}`;
}

function fitsInArgument(body: string): boolean {
  // A UTF-16 code unit takes one to three UTF-8 bytes, so most bodies need no encoding to tell.
  if (body.length > maxArgumentBodyBytes) return false;
  if (body.length * 3 <= maxArgumentBodyBytes) return true;
  return utf8.encode(body).length <= maxArgumentBodyBytes;
}

function globoffOption(url: string): string[] {
  // The URL builder encodes brackets and braces everywhere but in an IPv6 host, such as
  // http://[::1]:8080/, where curl's globbing would otherwise read them as a range.
  return /[[\]{}]/.test(url) ? ['--globoff'] : [];
}

function authorizationWord(credential: Credential): string {
  switch (credential.kind) {
    case 'token':
      return quoteShellWord(`Authorization: Bearer ${credential.token}`);
    case 'masked':
      return quoteShellWord(`Authorization: Bearer ${credential.mask}`);
    case 'environment':
      // Double quotes so that the shell expands the variable; the rest of the word is fixed text.
      return `"Authorization: Bearer $${credential.variable}"`;
  }
}

function headerWord(name: string, value: string): string {
  // curl drops a header given as "Name:" with nothing after it; "Name;" sends it empty.
  return quoteShellWord(value === '' ? `${name};` : `${name}: ${value}`);
}

function joinContinuedLines(lines: readonly string[], indent = ''): string {
  return lines.join(` \\\n${indent}  `);
}
