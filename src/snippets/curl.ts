import type { Credential, PreparedRequest } from './prepare.js';
import { quoteShellWord } from './shell-quote.js';

/**
 * The largest body passed as an argument, in UTF-8 bytes. Linux limits one argument to 128 KiB,
 * so a larger body goes through standard input from the shell's built-in printf, which has no
 * such limit.
 */
export const maxArgumentBodyBytes = 64 * 1024;

const utf8 = new TextEncoder();

/**
 * Characters that an interactive shell changes when the code is pasted into it, which the code
 * therefore writes as printf escapes. zsh 5.9's line editor reads U+E000 to U+E0FF as the single
 * bytes 0x00 to 0xFF, which cuts a header at the NUL and turns a body into invalid UTF-8.
 * NOTE: bash 5.2 and zsh 5.9 also turn a pasted carriage return into a line feed. A JSON text can
 * hold one only as whitespace, so a pasted command sends the same JSON value in other bytes.
 */
const changedOnPaste = /[\ue000-\ue0ff]/;

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

  const piped = (printf: string) =>
    `${printf} |\n  ${joinContinuedLines([...lines, '--data-binary @-'], '  ')}`;
  // Interactive bash 5.2.15 misreads some words that span lines. After lines such as '!x and
  // "$('\''! it takes a quoted '!' on the next line for a history event. An escaped \! is no
  // safer, because bash may parse the quoted text before it as a command substitution and corrupt
  // its heap. So printf writes each '!' of such a body as an octal escape.
  const misreadByBash = body.includes('!') && /[\r\n]/.test(body);
  if (changedOnPaste.test(body) || misreadByBash) return piped(printfEscaped(body));
  if (fitsInArgument(body)) {
    return joinContinuedLines([...lines, `--data-raw ${quoteShellWord(body)}`]);
  }
  return piped(`printf '%s' ${quoteShellWord(body)}`);
}

/**
 * Writes a printf command that prints `text`, with each character that {@link changedOnPaste}
 * matches written as octal escapes of its UTF-8 bytes. A few more characters are escaped too:
 * printf reads '%' and '\\' in its format, and bash and dash read a format that starts with '-'
 * as an option. bash's history expansion reads '!' inside the double quotes around a header's
 * command substitution.
 */
function printfEscaped(text: string): string {
  let format = '';

  for (const character of text) {
    const escaped =
      character === '\\' ||
      character === '!' ||
      (character === '-' && format === '') ||
      changedOnPaste.test(character);

    if (character === '%') {
      format += '%%';
    } else if (escaped) {
      for (const byte of utf8.encode(character)) format += `\\${byte.toString(8).padStart(3, '0')}`;
    } else {
      format += character;
    }
  }
  return `printf ${quoteShellWord(format)}`;
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
  const header = value === '' ? `${name};` : `${name}: ${value}`;

  // A command substitution drops only trailing line feeds, which a header value cannot contain.
  return changedOnPaste.test(header) ? `"$(${printfEscaped(header)})"` : quoteShellWord(header);
}

function joinContinuedLines(lines: readonly string[], indent = ''): string {
  return lines.join(` \\\n${indent}  `);
}
