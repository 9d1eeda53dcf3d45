/**
 * Quotes a string as one word for any POSIX shell (bash, zsh, dash). Inside single quotes no
 * character is special, not even `$`, a backtick, `\` or `!`, so only the quote itself needs work:
 * it closes the string, adds an escaped quote and reopens it.
 */
export function quoteShellWord(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
