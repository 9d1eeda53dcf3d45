import { type JsonValue, SnippetInputError } from './request.js';

/**
 * A JSON value that keeps each number as its source text, so that integers past 2^53 and long
 * decimals written in a JSON text reach Python unchanged.
 */
export type JsonNode =
  | { readonly type: 'null' }
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'number'; readonly text: string }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'array'; readonly items: readonly JsonNode[] }
  | { readonly type: 'object'; readonly entries: readonly (readonly [string, JsonNode])[] };

/**
 * The deepest nesting of objects and arrays accepted. CPython rejects source with more than 200
 * nested brackets ("too many nested parentheses"), so the Python code could not hold deeper JSON.
 */
export const maxNestingDepth = 100;

/**
 * The maximum number of digits in an integer. CPython 3.11 rejects a longer integer literal, and
 * json.dumps fails on such an integer, unless the script calls sys.set_int_max_str_digits.
 */
export const maxIntegerDigits = 4300;

const expectedPayload =
  'Expected a JSON value, or a string that holds a JSON text such as \'{"input": "Hello"}\'.';

/** Converts a JavaScript value to a tree, rejecting what JSON cannot represent. */
export function treeFromValue(value: JsonValue): JsonNode {
  return convertValue(value, '$', new Set());
}

function convertValue(value: unknown, location: string, ancestors: Set<object>): JsonNode {
  if (value === null) return { type: 'null' };
  if (typeof value === 'boolean') return { type: 'boolean', value };
  if (typeof value === 'string') return { type: 'string', value };

  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw payloadError(`${location} is ${value}, which JSON cannot represent`);
    }
    return { type: 'number', text: JSON.stringify(value) };
  }

  if (typeof value !== 'object') {
    throw payloadError(`${location} is of type ${typeof value}, which JSON cannot represent`);
  }
  if (ancestors.has(value)) {
    throw payloadError(`${location} refers back to an enclosing object or array`);
  }
  // The ancestors are exactly the enclosing objects and arrays, so their count is the depth.
  if (ancestors.size >= maxNestingDepth) {
    throw payloadError(`${location} is nested deeper than ${maxNestingDepth} levels`);
  }

  ancestors.add(value);
  const node = Array.isArray(value)
    ? convertArray(value, location, ancestors)
    : convertObject(value, location, ancestors);
  ancestors.delete(value);
  return node;
}

function convertArray(
  value: readonly unknown[],
  location: string,
  ancestors: Set<object>,
): JsonNode {
  const items = Array.from(value, (item, index) =>
    convertValue(item, `${location}[${index}]`, ancestors),
  );
  return { type: 'array', items };
}

function convertObject(value: object, location: string, ancestors: Set<object>): JsonNode {
  const prototype = Object.getPrototypeOf(value);

  if (prototype !== Object.prototype && prototype !== null) {
    const kind = (value as { constructor?: { name?: string } }).constructor?.name ?? 'object';
    throw payloadError(`${location} is a ${kind}, not a plain object`);
  }

  const entries: (readonly [string, JsonNode])[] = [];
  for (const [key, item] of Object.entries(value)) {
    // JSON.stringify leaves out undefined members, so the tree does too.
    if (item === undefined) continue;
    entries.push([key, convertValue(item, `${location}[${JSON.stringify(key)}]`, ancestors)]);
  }
  return { type: 'object', entries };
}

/** Writes a tree as JSON text, laid out as `JSON.stringify(value, null, 2)` lays out the value. */
export function stringifyTree(node: JsonNode, indent = ''): string {
  const inner = `${indent}  `;

  switch (node.type) {
    case 'null':
      return 'null';
    case 'boolean':
      return node.value ? 'true' : 'false';
    case 'number':
      return node.text;
    case 'string':
      return JSON.stringify(node.value);
    case 'array': {
      if (node.items.length === 0) return '[]';
      const lines = node.items.map((item) => inner + stringifyTree(item, inner));
      return `[\n${lines.join(',\n')}\n${indent}]`;
    }
    case 'object': {
      if (node.entries.length === 0) return '{}';
      const lines = node.entries.map(
        ([key, value]) => `${inner}${JSON.stringify(key)}: ${stringifyTree(value, inner)}`,
      );
      return `{\n${lines.join(',\n')}\n${indent}}`;
    }
  }
}

function payloadError(problem: string): SnippetInputError {
  return new SnippetInputError('payload', `Invalid payload: ${problem}. ${expectedPayload}`);
}

/**
 * Parses a JSON text (RFC 8259) into a tree. Throws a {@link SnippetInputError} that gives the line
 * and column of the first error.
 */
export function parseJsonText(text: string): JsonNode {
  const parser = new JsonTextParser(text);
  return parser.parseDocument();
}

const numberPattern = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const whitespacePattern = /[ \t\n\r]*/y;
const plainStringPattern = /[^"\\\u0000-\u001f\ud800-\udfff]*/y;
const escapes: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

class JsonTextParser {
  private index = 0;

  constructor(private readonly text: string) {}

  parseDocument(): JsonNode {
    this.skipWhitespace();
    const node = this.parseValue(0);
    this.skipWhitespace();

    if (this.index < this.text.length) this.fail('unexpected text after the JSON value');
    return node;
  }

  /** Parses the value at the current index. `depth` is the number of enclosing containers. */
  private parseValue(depth: number): JsonNode {
    const character = this.text[this.index];

    if ((character === '{' || character === '[') && depth >= maxNestingDepth) {
      this.fail(`nesting deeper than ${maxNestingDepth} levels`);
    }
    switch (character) {
      case '{':
        return this.parseObject(depth);
      case '[':
        return this.parseArray(depth);
      case '"':
        return { type: 'string', value: this.parseString() };
      case 't':
        return this.parseKeyword('true', { type: 'boolean', value: true });
      case 'f':
        return this.parseKeyword('false', { type: 'boolean', value: false });
      case 'n':
        return this.parseKeyword('null', { type: 'null' });
      default:
        return this.parseNumber();
    }
  }

  private parseObject(depth: number): JsonNode {
    const entries: (readonly [string, JsonNode])[] = [];
    this.index += 1;
    this.skipWhitespace();

    if (this.text[this.index] === '}') {
      this.index += 1;
      return { type: 'object', entries };
    }

    for (;;) {
      if (this.text[this.index] !== '"') this.fail('expected a string key');
      const key = this.parseString();

      this.skipWhitespace();
      this.expect(':');
      this.skipWhitespace();
      entries.push([key, this.parseValue(depth + 1)]);
      this.skipWhitespace();

      if (this.text[this.index] === '}') {
        this.index += 1;
        return { type: 'object', entries };
      }
      this.expect(',');
      this.skipWhitespace();
    }
  }

  private parseArray(depth: number): JsonNode {
    const items: JsonNode[] = [];
    this.index += 1;
    this.skipWhitespace();

    if (this.text[this.index] === ']') {
      this.index += 1;
      return { type: 'array', items };
    }

    for (;;) {
      items.push(this.parseValue(depth + 1));
      this.skipWhitespace();

      if (this.text[this.index] === ']') {
        this.index += 1;
        return { type: 'array', items };
      }
      this.expect(',');
      this.skipWhitespace();
    }
  }

  private parseString(): string {
    let value = '';
    this.index += 1;

    for (;;) {
      plainStringPattern.lastIndex = this.index;
      plainStringPattern.test(this.text);
      value += this.text.slice(this.index, plainStringPattern.lastIndex);
      this.index = plainStringPattern.lastIndex;

      const character = this.text[this.index];
      if (character === '"') {
        this.index += 1;
        return value;
      }
      if (character === '\\') {
        value += this.parseEscape();
        continue;
      }
      if (character === undefined) this.fail('unterminated string');

      const code = this.text.charCodeAt(this.index);
      if (code < 0x20) this.fail('a raw control character inside a string; write it as \\u escape');
      value += this.parseSurrogatePair();
    }
  }

  private parseSurrogatePair(): string {
    const high = this.text.charCodeAt(this.index);
    const low = this.text.charCodeAt(this.index + 1);

    if (high >= 0xdc00 || !(low >= 0xdc00 && low <= 0xdfff)) {
      this.fail('an unpaired UTF-16 surrogate, which has no UTF-8 encoding');
    }
    this.index += 2;
    return String.fromCharCode(high, low);
  }

  private parseEscape(): string {
    const letter = this.text[this.index + 1];

    if (letter === 'u') {
      const hex = this.text.slice(this.index + 2, this.index + 6);
      if (!/^[0-9A-Fa-f]{4}$/.test(hex)) this.fail('an invalid \\u escape');
      this.index += 6;
      return String.fromCharCode(Number.parseInt(hex, 16));
    }

    const replacement = letter === undefined ? undefined : escapes[letter];
    if (replacement === undefined) this.fail('an invalid escape sequence');
    this.index += 2;
    return replacement;
  }

  private parseKeyword(word: string, node: JsonNode): JsonNode {
    if (!this.text.startsWith(word, this.index)) this.fail('an unexpected word');
    this.index += word.length;
    return node;
  }

  private parseNumber(): JsonNode {
    numberPattern.lastIndex = this.index;
    const match = numberPattern.exec(this.text);

    if (match === null) {
      this.fail(this.index < this.text.length ? 'an unexpected character' : 'an unexpected end');
    }

    const text = match[0];
    const isInteger = !/[.eE]/.test(text);
    const integerDigits = text.replace('-', '').length;
    // An integer within maxIntegerDigits survives in Python. A float past the double range would
    // become inf, which json.dumps then writes as the invalid token Infinity.
    if (isInteger && integerDigits > maxIntegerDigits) {
      this.fail(
        `an integer of ${integerDigits} digits, more than the ${maxIntegerDigits} that Python converts; send it as a string`,
      );
    }
    if (!isInteger && !Number.isFinite(Number(text))) {
      this.fail(
        `the number ${text}, which is beyond the range of a 64-bit float; send it as a string`,
      );
    }

    this.index += text.length;
    return { type: 'number', text };
  }

  private skipWhitespace(): void {
    whitespacePattern.lastIndex = this.index;
    whitespacePattern.test(this.text);
    this.index = whitespacePattern.lastIndex;
  }

  private expect(character: string): void {
    if (this.text[this.index] !== character) this.fail(`expected "${character}"`);
    this.index += 1;
  }

  private fail(problem: string): never {
    const before = this.text.slice(0, this.index);
    const line = before.split('\n').length;
    const column = this.index - before.lastIndexOf('\n');

    throw new SnippetInputError(
      'payload',
      `Invalid payload: the JSON text has ${problem} at line ${line}, column ${column}. ${expectedPayload}`,
    );
  }
}
