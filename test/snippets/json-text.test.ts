import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../src/snippets';
import {
  maxIntegerDigits,
  maxNestingDepth,
  parseJsonText,
  stringifyTree,
  treeFromValue,
} from '../../src/snippets/json-tree';
import { deepFreeze } from '../fixtures/deep-freeze';
import { catchInputError } from './input-error';

function arrayWithHole(): number[] {
  const array: number[] = [];
  array[0] = 1;
  array[2] = 3;
  return array;
}

function parseError(text: string) {
  return catchInputError(() => parseJsonText(text));
}

describe('parseJsonText values', () => {
  it('parses every kind of value', () => {
    expect(parseJsonText('{"a": [true, false, null, "s", 1]}')).toEqual({
      type: 'object',
      entries: [
        [
          'a',
          {
            type: 'array',
            items: [
              { type: 'boolean', value: true },
              { type: 'boolean', value: false },
              { type: 'null' },
              { type: 'string', value: 's' },
              { type: 'number', text: '1' },
            ],
          },
        ],
      ],
    });
  });

  it.each([
    '12345678901234567890123',
    '-9007199254740993',
    '1.50',
    '1E+2',
    '-0',
    '-0.0',
    '6.02e23',
    '1e-400',
  ])('keeps the number text %s', (text) => {
    expect(parseJsonText(text)).toEqual({ type: 'number', text });
  });

  it('keeps duplicate keys in order', () => {
    expect(parseJsonText('{"a": 1, "a": 2}')).toEqual({
      type: 'object',
      entries: [
        ['a', { type: 'number', text: '1' }],
        ['a', { type: 'number', text: '2' }],
      ],
    });
  });

  it('keeps a __proto__ key as an entry', () => {
    expect(parseJsonText('{"__proto__": 1}')).toEqual({
      type: 'object',
      entries: [['__proto__', { type: 'number', text: '1' }]],
    });
  });

  it('decodes every escape', () => {
    expect(parseJsonText(String.raw`"\" \\ \/ \b \f \n \r \t \u00e9 \ud83d\ude00"`)).toEqual({
      type: 'string',
      value: '" \\ / \b \f \n \r \t é 😀',
    });
  });

  it('accepts an escaped lone surrogate', () => {
    expect(parseJsonText(String.raw`"\ud800"`)).toEqual({ type: 'string', value: '\ud800' });
  });

  it('accepts a raw surrogate pair', () => {
    expect(parseJsonText('"😀"')).toEqual({ type: 'string', value: '😀' });
  });

  it('accepts a raw line separator in a string', () => {
    expect(parseJsonText('"a\u2028b"')).toEqual({ type: 'string', value: 'a\u2028b' });
  });

  it('skips whitespace around values', () => {
    expect(parseJsonText(' \t\r\n[ 1 , 2 ]\n ')).toEqual({
      type: 'array',
      items: [
        { type: 'number', text: '1' },
        { type: 'number', text: '2' },
      ],
    });
  });
});

describe('parseJsonText errors', () => {
  it.each([
    ['{"a" 1}', 1, 6],
    ['{\n  "a": 1,\n  }', 3, 3],
    ['', 1, 1],
    ['[1,]', 1, 4],
    ['{"a": 1} x', 1, 10],
    ['[1 2]', 1, 4],
    ["{'a': 1}", 1, 2],
    ['[NaN]', 1, 2],
    ['Infinity', 1, 1],
    ['+1', 1, 1],
    ['.5', 1, 1],
    ['1.', 1, 2],
    ['01', 1, 2],
    ['[1] // comment', 1, 5],
    ['tru', 1, 1],
    ['\ufeff{}', 1, 1],
  ])('reports %j at line %i, column %i', (text, line, column) => {
    const error = parseError(text);

    expect(error.field).toBe('payload');
    expect(error.message).toContain(`at line ${line}, column ${column}.`);
  });

  it.each([
    ['"abc', 'unterminated string'],
    ['"a\tb"', 'raw control character'],
    ['"a\nb"', 'raw control character'],
    [String.raw`"\x41"`, 'invalid escape sequence'],
    [String.raw`"\u12g4"`, 'invalid \\u escape'],
    [String.raw`"\u12"`, 'invalid \\u escape'],
  ])('names the fault in %j', (text, problem) => {
    expect(parseError(text).message).toContain(problem);
  });

  it.each([
    ['"\ud800"', 'a lone high surrogate'],
    ['"\udc00x"', 'a lone low surrogate'],
    ['"a\ud83d"', 'a high surrogate at the end'],
    ['"\ude00\ud83d"', 'a reversed pair'],
    ['{"\ud800": 1}', 'a lone surrogate in a key'],
  ])('rejects a raw unpaired surrogate: %j (%s)', (text) => {
    const error = parseError(text);

    expect(error.field).toBe('payload');
    expect(error.message).toContain('unpaired UTF-16 surrogate');
  });

  it.each(['1e400', '-1e400', '1.8e308'])(
    'rejects the float %s beyond the double range',
    (text) => {
      expect(parseError(text).message).toContain('beyond the range of a 64-bit float');
    },
  );

  it('accepts an integer of the maximum digit count', () => {
    const text = '9'.repeat(maxIntegerDigits);

    expect(parseJsonText(text)).toEqual({ type: 'number', text });
  });

  it('accepts a negative integer of the maximum digit count', () => {
    const text = `-${'9'.repeat(maxIntegerDigits)}`;

    expect(parseJsonText(text)).toEqual({ type: 'number', text });
  });

  it('rejects an integer with one digit more', () => {
    const error = parseError(`[${'9'.repeat(maxIntegerDigits + 1)}]`);

    expect(error.message).toContain(`an integer of ${maxIntegerDigits + 1} digits`);
    expect(error.message).toContain('line 1, column 2');
  });

  it('accepts a long float', () => {
    const text = `0.${'1'.repeat(maxIntegerDigits + 1)}`;

    expect(parseJsonText(text)).toEqual({ type: 'number', text });
  });

  it('accepts nesting at the maximum depth', () => {
    const text = `${'['.repeat(maxNestingDepth)}${']'.repeat(maxNestingDepth)}`;

    expect(parseJsonText(text).type).toBe('array');
  });

  it('rejects arrays nested one level deeper', () => {
    const depth = maxNestingDepth + 1;
    const error = parseError(`${'['.repeat(depth)}${']'.repeat(depth)}`);

    expect(error.message).toContain(`nesting deeper than ${maxNestingDepth} levels`);
    expect(error.message).toContain(`column ${depth}`);
  });

  it('rejects objects nested one level deeper', () => {
    const depth = maxNestingDepth + 1;
    const error = parseError(`${'{"k":'.repeat(depth)}1${'}'.repeat(depth)}`);

    expect(error.message).toContain(`nesting deeper than ${maxNestingDepth} levels`);
  });

  it('reports an error after a megabyte of text', () => {
    const text = `[${'1,'.repeat(500_000)}]`;

    expect(parseError(text).message).toContain(`column ${text.length}`);
  });
});

describe('treeFromValue', () => {
  it('keeps the key order', () => {
    const tree = treeFromValue(deepFreeze({ b: 1, a: 2 }));

    expect(tree.type === 'object' && tree.entries.map(([key]) => key)).toEqual(['b', 'a']);
  });

  it('leaves out undefined members', () => {
    const value = deepFreeze({ a: 1, b: undefined }) as unknown as JsonValue;

    expect(stringifyTree(treeFromValue(value))).toBe('{\n  "a": 1\n}');
  });

  it('accepts an object without a prototype', () => {
    const value = Object.assign(Object.create(null), { a: 1 });

    expect(stringifyTree(treeFromValue(value))).toBe('{\n  "a": 1\n}');
  });

  it('accepts a shared reference that is not a cycle', () => {
    const shared = { x: 1 };
    const tree = treeFromValue(deepFreeze({ a: shared, b: [shared] }));

    expect(JSON.parse(stringifyTree(tree))).toEqual({ a: { x: 1 }, b: [{ x: 1 }] });
  });

  it('keeps an own __proto__ key', () => {
    const value = deepFreeze(JSON.parse('{"__proto__": {"x": 1}}'));

    expect(stringifyTree(treeFromValue(value))).toBe('{\n  "__proto__": {\n    "x": 1\n  }\n}');
  });

  it.each([
    ['NaN', { a: [Number.NaN] }, '$["a"][0] is NaN'],
    ['Infinity', { a: Number.POSITIVE_INFINITY }, '$["a"] is Infinity'],
    ['-Infinity', [Number.NEGATIVE_INFINITY], '$[0] is -Infinity'],
    ['undefined in an array', [1, undefined], '$[1] is of type undefined'],
    ['a hole in an array', arrayWithHole(), '$[1] is of type undefined'],
    ['a function', { f: () => 1 }, '$["f"] is of type function'],
    ['a bigint', { n: 1n }, '$["n"] is of type bigint'],
    ['a symbol', [Symbol('s')], '$[0] is of type symbol'],
    ['a Date', { d: new Date(0) }, '$["d"] is a Date, not a plain object'],
    ['a Map', new Map(), '$ is a Map, not a plain object'],
    ['a boxed string', { s: new String('x') }, '$["s"] is a String, not a plain object'],
  ])('rejects %s', (_name, value, problem) => {
    const error = catchInputError(() => treeFromValue(value as unknown as JsonValue));

    expect(error.field).toBe('payload');
    expect(error.message).toContain(problem);
  });

  it('rejects a cycle through an array', () => {
    const value: { a: unknown[] } = { a: [] };
    value.a.push(value);

    const error = catchInputError(() => treeFromValue(value as JsonValue));

    expect(error.message).toContain('$["a"][0] refers back to an enclosing object or array');
  });

  it('rejects an object that contains itself', () => {
    const value: Record<string, unknown> = {};
    value.self = value;

    expect(catchInputError(() => treeFromValue(value as JsonValue)).field).toBe('payload');
  });

  it('accepts nesting at the maximum depth', () => {
    let value: JsonValue = 1;
    for (let depth = 0; depth < maxNestingDepth; depth += 1) value = [value];

    expect(treeFromValue(value).type).toBe('array');
  });

  it('rejects nesting one level deeper', () => {
    let value: JsonValue = 1;
    for (let depth = 0; depth <= maxNestingDepth; depth += 1) value = { k: value };

    const error = catchInputError(() => treeFromValue(value));

    expect(error.message).toContain(`nested deeper than ${maxNestingDepth} levels`);
  });

  it('rejects deep nesting with an input error, not a stack overflow', () => {
    let value: JsonValue = 1;
    for (let depth = 0; depth < 100_000; depth += 1) value = [value];

    expect(catchInputError(() => treeFromValue(value)).field).toBe('payload');
  });
});

describe('stringifyTree', () => {
  it.each<[string, JsonValue]>([
    ['null', null],
    ['a boolean', false],
    ['a number', -1.5e-7],
    ['a string with escapes', 'a"b\\c\n\u0000\u2028😀'],
    ['an empty object', {}],
    ['an empty array', []],
    ['nested values', { a: [1, { b: [] }, {}], 'c"d': { e: null, f: [[true]] } }],
  ])('lays out %s as JSON.stringify does', (_name, value) => {
    expect(stringifyTree(treeFromValue(value))).toBe(JSON.stringify(value, null, 2));
  });

  it('writes number text as parsed', () => {
    expect(stringifyTree(parseJsonText('[1E+2, 12345678901234567890123]'))).toBe(
      '[\n  1E+2,\n  12345678901234567890123\n]',
    );
  });
});
