import { describe, expect, it } from 'vitest';
import { quoteShellWord } from '../../src/snippets/shell-quote';

describe('quoteShellWord', () => {
  it('wraps a plain word in single quotes', () => {
    expect(quoteShellWord('plain')).toBe("'plain'");
  });

  it('writes an empty string as two quotes', () => {
    expect(quoteShellWord('')).toBe("''");
  });

  it('closes, escapes and reopens around an apostrophe', () => {
    expect(quoteShellWord("it's")).toBe("'it'\\''s'");
  });

  it('escapes every apostrophe in a run', () => {
    expect(quoteShellWord("'''")).toBe("''\\'''\\'''\\'''");
  });

  it.each(['$HOME', '`id`', '$(id)', '!!', '\\', '*?[]{}', '"', 'a\nb', '~'])(
    'leaves %j unchanged inside the quotes',
    (text) => {
      expect(quoteShellWord(text)).toBe(`'${text}'`);
    },
  );
});
