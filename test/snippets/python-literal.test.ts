import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../src/snippets';
import { parseJsonText, treeFromValue } from '../../src/snippets/json-tree';
import { formatPythonLiteral, pythonString } from '../../src/snippets/python-literal';

function format(value: JsonValue): string {
  return formatPythonLiteral(treeFromValue(value), 'payload = ');
}

describe('formatPythonLiteral values', () => {
  it('writes true, false and null as Python constants', () => {
    expect(format([true, false, null])).toBe('payload = [True, False, None]');
  });

  it('writes nested constants', () => {
    expect(format({ a: { b: [null, [true]] } })).toBe('payload = {"a": {"b": [None, [True]]}}');
  });

  it('leaves the string "true or null" untouched', () => {
    expect(format('true or null')).toBe('payload = "true or null"');
  });

  it('leaves keys named like constants untouched', () => {
    expect(format({ true: 'None', null: 'False' })).toBe(
      'payload = {"true": "None", "null": "False"}',
    );
  });

  it('keeps the number text of a JSON text', () => {
    expect(
      formatPythonLiteral(parseJsonText('[12345678901234567890123, 1E+2, -0.0]'), 'x = '),
    ).toBe('x = [12345678901234567890123, 1E+2, -0.0]');
  });
});

describe('pythonString', () => {
  it('escapes a double quote', () => {
    expect(pythonString('a"b')).toBe('"a\\"b"');
  });

  it("leaves x'''y unescaped inside double quotes", () => {
    expect(pythonString("x'''y")).toBe(`"x'''y"`);
  });

  it('escapes a trailing backslash', () => {
    expect(pythonString('end\\')).toBe('"end\\\\"');
  });

  it('escapes a Windows path', () => {
    expect(pythonString('C:\\new\\table')).toBe('"C:\\\\new\\\\table"');
  });

  it('escapes line breaks and tabs', () => {
    expect(pythonString('a\nb\r\tc')).toBe('"a\\nb\\r\\tc"');
  });

  it('escapes control characters as \\u escapes', () => {
    expect(pythonString('\u0000\u001b')).toBe('"\\u0000\\u001b"');
  });

  it.each([
    ['a line separator', '\u2028', '\\u2028'],
    ['a paragraph separator', '\u2029', '\\u2029'],
    ['a next-line control', '\u0085', '\\u0085'],
    ['a delete control', '\u007f', '\\u007f'],
    ['a byte order mark', '\ufeff', '\\ufeff'],
    ['a no-break space', '\u00a0', '\\u00a0'],
    ['a right-to-left override', '\u202e', '\\u202e'],
    ['a zero-width joiner', '\u200d', '\\u200d'],
    ['a private-use character', '\u{f0000}', '\\U000f0000'],
  ])('escapes %s as Python repr does', (_name, character, escapeSequence) => {
    expect(pythonString(`a${character}b`)).toBe(`"a${escapeSequence}b"`);
  });

  it.each(['é', 'e\u0301', '😀', '👍🏽', '東京', 'a b'])(
    'keeps the printable text %j raw',
    (text) => {
      expect(pythonString(text)).toBe(`"${text}"`);
    },
  );

  it('escapes a separator after a backslash', () => {
    expect(pythonString('\\\u2028')).toBe('"\\\\\\u2028"');
  });

  it('escapes a lone surrogate', () => {
    expect(pythonString('\ud800')).toBe('"\\ud800"');
  });
});

describe('formatPythonLiteral layout', () => {
  it('keeps a value that fits on one line', () => {
    expect(format({ a: 1, b: [1, 2] })).toBe('payload = {"a": 1, "b": [1, 2]}');
  });

  it('keeps a line of exactly 88 characters', () => {
    // 'payload = ["' is 12 characters and '"]' is 2, so the string is 74.
    const line = format(['x'.repeat(74)]);

    expect(line).toHaveLength(88);
    expect(line.includes('\n')).toBe(false);
  });

  it('splits a line of 89 characters, one item per line', () => {
    expect(format(['x'.repeat(75)])).toBe(`payload = [\n    "${'x'.repeat(75)}",\n]`);
  });

  it('adds a trailing comma after each split item', () => {
    const long = 'y'.repeat(40);

    expect(format({ a: long, b: long })).toBe(
      `payload = {\n    "a": "${long}",\n    "b": "${long}",\n}`,
    );
  });

  it('splits only the containers that do not fit', () => {
    const long = 'z'.repeat(80);

    expect(format({ short: [1, 2], long: [long, long] })).toBe(
      [
        'payload = {',
        '    "short": [1, 2],',
        '    "long": [',
        `        "${long}",`,
        `        "${long}",`,
        '    ],',
        '}',
      ].join('\n'),
    );
  });

  it('counts the trailing comma in the width of an item', () => {
    // '    "k": ["' is 11 characters and '"],' is 3, so a string of 74 makes 88 and fits.
    const fits = format({ k: ['v'.repeat(74)], pad: 'p'.repeat(80) });
    const splits = format({ k: ['v'.repeat(75)], pad: 'p'.repeat(80) });

    expect(fits.split('\n')[1]).toBe(`    "k": ["${'v'.repeat(74)}"],`);
    expect(splits.split('\n')[1]).toBe('    "k": [');
  });

  it('leaves a long string on its line', () => {
    const long = 's'.repeat(200);

    expect(format(long)).toBe(`payload = "${long}"`);
  });

  it('keeps empty containers inline after a long key', () => {
    const key = 'k'.repeat(90);

    expect(format({ [key]: [], b: {} })).toBe(`payload = {\n    "${key}": [],\n    "b": {},\n}`);
  });

  it('keeps empty containers inline when deeply indented', () => {
    let value: JsonValue = [[], {}];
    for (let depth = 0; depth < 30; depth += 1) value = [value, 'x'.repeat(10)];

    expect(format(value)).not.toMatch(/\[\n\s*\]|\{\n\s*\}/);
  });
});
