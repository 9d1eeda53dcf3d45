// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the units test shell syntax such as ${HOME}, which must stay literal.

import fc from 'fast-check';
import type { HttpMethod, JsonValue, Payload, SnippetRequest } from '../../src/snippets';
import { deepFreeze } from '../fixtures/deep-freeze';

/**
 * A request without its server. `basePath` and `endpointPath` are appended to the origin of the
 * server that the code runs against, so every generated URL points at 127.0.0.1.
 */
export interface RequestTemplate {
  readonly method: HttpMethod;
  /** The text after the origin in `endpoint`. When given, the endpoint wins over `baseUrl`. */
  readonly endpointPath?: string | undefined;
  /** The text after the origin in `baseUrl`: empty, or a path that starts with '/'. */
  readonly basePath?: string | undefined;
  readonly workloadId?: string | undefined;
  readonly path?: string | undefined;
  readonly headers?: Readonly<Record<string, string>> | undefined;
  readonly token?: string | undefined;
  readonly payload?: Payload | undefined;
}

/** Builds the deep-frozen request of `template` for a server at `origin`. */
export function buildRequest(template: RequestTemplate, origin: string): SnippetRequest {
  return deepFreeze({
    method: template.method,
    endpoint: template.endpointPath === undefined ? undefined : origin + template.endpointPath,
    baseUrl: template.basePath === undefined ? undefined : origin + template.basePath,
    workloadId: template.workloadId,
    path: template.path,
    headers: template.headers,
    token: template.token,
    payload: template.payload,
  });
}

// Characters and short sequences, used as the units of generated strings.

const asciiPrintable = fc
  .integer({ min: 0x20, max: 0x7e })
  .map((code) => String.fromCharCode(code));

/** Characters and words that a shell, curl's option parser or printf treats specially. */
export const shellSequences = fc.constantFrom(
  "'",
  '"',
  '`',
  '$',
  '\\',
  '!',
  '*',
  '?',
  '[',
  ']',
  '{',
  '}',
  '(',
  ')',
  '<',
  '>',
  '|',
  '&',
  ';',
  '#',
  '~',
  '^',
  '=',
  ' ',
  '\t',
  '$(id)',
  '${HOME}',
  '$HOME',
  '$0',
  '`id`',
  '!!',
  '!$',
  '!-1',
  '!#',
  '!?x?',
  '!x',
  '^x^y',
  "'\\''",
  "\\'",
  "$'\\n'",
  '"$@"',
  '%s',
  '%n',
  '%%',
  '\\0',
  '-n',
  '--',
  '--data',
  '@-',
  '@/etc/passwd',
  '\\\\',
  '~root',
  '{a,b}',
  '[a-z]',
);

/** Characters that curl, urllib3 or requests treat specially in a URL, and percent escapes. */
export const urlSequences = fc.constantFrom(
  '%',
  '%2e',
  '%2E',
  '%2f',
  '%2F',
  '%5c',
  '%25',
  '%00',
  '%0A',
  '%0d%0a',
  '%20',
  '%zz',
  '%4',
  '%41',
  '%7e',
  '%7E',
  '%C3%A9',
  '%c3',
  '%ff',
  '#',
  '?',
  '&',
  '=',
  '+',
  ';',
  ':',
  '@',
  '/',
  '//',
  '.',
  '..',
  '\\',
  '[',
  ']',
  '{',
  '}',
  '|',
  '^',
  '`',
  '"',
  '<',
  '>',
  ' ',
  "'",
  ',',
  '*',
  '(',
  ')',
  '$',
  '!',
  '~',
  '-',
  '_',
  '[::1]',
  'a=b&c=d',
);

/** C0 controls, DEL and C1 controls. */
const controlCharacter = fc
  .oneof(fc.integer({ min: 0, max: 0x1f }), fc.constant(0x7f), fc.integer({ min: 0x80, max: 0x9f }))
  .map((code) => String.fromCharCode(code));

/** Characters that are invisible, reorder text, separate lines or combine. */
const specialUnicode = fc.constantFrom(
  '\u00a0',
  '\u0085',
  '\u2028',
  '\u2029',
  '\u200b',
  '\u200d',
  '\u202e',
  '\u2066',
  '\ufeff',
  '\ufffd',
  '\ufffe',
  '\uffff',
  '\u3000',
  '\ue000',
  'é',
  'e\u0301',
  'ß',
  'İ',
  '東京',
  '😀',
  '👍🏽',
  '🇫🇷',
  '\u{10ffff}',
  '\u{e0001}',
  '\u{1d11e}',
  '\u{20000}',
);

/** A code point from a plane picked uniformly, so that every plane of Unicode appears. */
const planeCodePoint = fc
  .tuple(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 0, max: 0xffff }))
  .map(([plane, offset]) => plane * 0x10000 + offset)
  .filter((codePoint) => codePoint < 0xd800 || codePoint > 0xdfff)
  .map((codePoint) => String.fromCodePoint(codePoint));

const loneSurrogate = fc
  .integer({ min: 0xd800, max: 0xdfff })
  .map((code) => String.fromCharCode(code));

/** Any unit above, without unpaired surrogates. */
const anyUnit = fc.oneof(
  { weight: 6, arbitrary: asciiPrintable },
  { weight: 3, arbitrary: shellSequences },
  { weight: 3, arbitrary: urlSequences },
  { weight: 2, arbitrary: specialUnicode },
  { weight: 2, arbitrary: planeCodePoint },
  { weight: 1, arbitrary: controlCharacter },
);

/** A unit that a JSON string may contain: anything, unpaired surrogates included. */
const jsonStringUnit = fc.oneof(
  { weight: 12, arbitrary: anyUnit },
  { weight: 1, arbitrary: loneSurrogate },
);

function textOf(unit: fc.Arbitrary<string>, maxLength: number, minLength = 0) {
  return fc.string({ unit, minLength, maxLength });
}

/** Inserts a string drawn from `insert` at a random index of a string drawn from `text`. */
function withInserted(
  text: fc.Arbitrary<string>,
  insert: fc.Arbitrary<string>,
  minIndex = 0,
): fc.Arbitrary<string> {
  return fc.tuple(text, insert, fc.nat()).map(([base, inserted, seed]) => {
    const span = Math.max(0, base.length - minIndex);
    const index = minIndex + (seed % (span + 1));
    return base.slice(0, index) + inserted + base.slice(index);
  });
}

/** Picks the valid arbitrary, or the invalid one with weight `invalidWeight` against 30. */
function validOrNot<T>(
  valid: fc.Arbitrary<T>,
  invalid: fc.Arbitrary<T>,
  invalidWeight: number,
): fc.Arbitrary<T> {
  if (invalidWeight === 0) return valid;
  return fc.oneof({ weight: 30, arbitrary: valid }, { weight: invalidWeight, arbitrary: invalid });
}

/** The character sets that the fields of a request are built from. */
export interface FieldUnits {
  /** Units for the workload ID, the path, the query and header values. */
  readonly text: fc.Arbitrary<string>;
  /** Units for strings and keys in the payload. */
  readonly json: fc.Arbitrary<string>;
  /** Units for the token, which must be printable ASCII. */
  readonly token: fc.Arbitrary<string>;
}

/** Characters and sequences that could make a path leave the Workload's prefix. */
export const dotSequences = fc.constantFrom(
  '.',
  '..',
  '...',
  '%2e',
  '%2E',
  '%2e%2E',
  '.%2e',
  '%252e',
  '/',
  '//',
  '\\',
  '%2f',
  '%5C',
  ';',
  '..;',
  '%00',
  '?',
  '#',
  '%3F',
  '%23',
  'a',
);

/** Non-ASCII characters from every plane, and the invisible and reordering ones. */
export const nonAsciiUnit = fc.oneof(specialUnicode, planeCodePoint);

/**
 * Builds the units of every field from one unit set, with unpaired surrogates added to payload
 * strings. The token keeps printable ASCII units unless `token` gives others.
 */
export function unitsFrom(unit: fc.Arbitrary<string>, token?: fc.Arbitrary<string>): FieldUnits {
  return {
    text: unit,
    json: fc.oneof({ weight: 12, arbitrary: unit }, { weight: 1, arbitrary: loneSurrogate }),
    token: token ?? defaultUnits.token,
  };
}

/** The units of the general property: every kind of character and sequence above. */
export const defaultUnits: FieldUnits = {
  text: anyUnit,
  json: jsonStringUnit,
  token: fc.oneof(
    {
      weight: 4,
      arbitrary: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)),
    },
    { weight: 1, arbitrary: shellSequences.filter((unit) => /^[\x21-\x7e]+$/.test(unit)) },
  ),
};

// The base URL and endpoint.

const baseUnitFilter = (unit: string) => !/[\s\p{Cc}?#]/u.test(unit);

function basePathArbitrary(units: FieldUnits, invalidWeight: number): fc.Arbitrary<string> {
  const segment = fc.oneof(
    { weight: 6, arbitrary: textOf(units.text.filter(baseUnitFilter), 8) },
    // Dot segments, and segments starting with '.', after which Node 20.20's parser keeps '..'.
    {
      weight: 1,
      arbitrary: fc.constantFrom('.', '..', '%2e', '%2E%2e', '.%2e', '', '.a', '.T', '.well-known'),
    },
  );
  const valid = fc.oneof(
    { weight: 1, arbitrary: fc.constant('') },
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.array(segment, { maxLength: 4 }), fc.constantFrom('', '/', '//'))
        .map(([segments, end]) => `/${segments.join('/')}${end}`),
    },
  );
  // A base URL with a query, a fragment, whitespace, a control or an unpaired surrogate.
  const invalid = withInserted(
    valid.map((path) => (path === '' ? '/' : path)),
    fc.oneof(
      fc.constantFrom(
        '?',
        '#',
        '?a=b',
        ' ',
        '\t',
        '\n',
        '\r\n',
        '\u2028',
        '\u0085',
        '\u00a0',
        '\u0000',
      ),
      loneSurrogate,
    ),
    1,
  );
  return validOrNot(valid, invalid, invalidWeight);
}

// The workload ID, the path and the query.

function workloadIdArbitrary(units: FieldUnits, invalidWeight: number) {
  const valid = fc.oneof(
    { weight: 6, arbitrary: textOf(units.text, 16, 1) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('65f1c2a9e4b0d3a1f2c3d4e5', 'wl-1', '...', '.a', 'a.'),
    },
  );
  const invalid = fc.oneof(
    fc.constantFrom('', '.', '..', '%2e', '%2E%2e', '.%2E', undefined),
    withInserted(textOf(units.text, 8), loneSurrogate),
  );
  return validOrNot<string | undefined>(valid, invalid, invalidWeight);
}

function appPathArbitrary(units: FieldUnits, invalidWeight: number) {
  const segment = textOf(units.text, 8);
  const query = textOf(fc.oneof(units.text, fc.constantFrom('=', '&', '..', '/', '?', '%')), 16);
  const valid = fc
    .tuple(
      fc.constantFrom('', '', '/', '//'),
      fc.array(segment, { maxLength: 4 }),
      fc.option(query, { nil: undefined }),
    )
    .map(
      ([lead, segments, text]) =>
        `${lead}${segments.join('/')}${text === undefined ? '' : `?${text}`}`,
    );
  const invalid = fc.oneof(
    // A dot segment before the query, which would leave the Workload's URL.
    fc
      .tuple(valid, fc.constantFrom('.', '..', '%2e', '%2E%2E', '.%2e', '%2e.'), valid)
      .map(([before, dots, after]) => `${before.split('?')[0]}/${dots}/${after}`),
    withInserted(valid, loneSurrogate),
  );
  return fc.option(validOrNot(valid, invalid, invalidWeight), { nil: undefined, freq: 6 });
}

// Headers and the token.

const tokenCharacterName = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,12}$/;
/**
 * Names left out of the generated headers, because Node's HTTP server acts on them before the
 * request handler runs: it responds to an Expect other than 100-continue with 417.
 */
const avoidedHeaderNames = new Set(['expect']);
const managedNames = [
  'authorization',
  'content-type',
  'content-length',
  'transfer-encoding',
  'host',
  'connection',
];

function headerNameArbitrary(invalidWeight: number) {
  const valid = fc
    .oneof(
      { weight: 6, arbitrary: fc.stringMatching(tokenCharacterName).map((name) => `X-${name}`) },
      { weight: 2, arbitrary: fc.stringMatching(tokenCharacterName) },
      {
        weight: 2,
        arbitrary: fc.constantFrom(
          'Accept',
          'accept',
          'ACCEPT',
          'User-Agent',
          'Accept-Encoding',
          'Cookie',
          'X-Request-Id',
          'If-None-Match',
          '__proto__',
          'constructor',
          'toString',
          "X'Name",
          'X-$!*',
          'X-`~|^',
        ),
      },
    )
    .filter((name) => {
      const lower = name.toLowerCase();
      return !avoidedHeaderNames.has(lower) && !managedNames.includes(lower);
    });
  const invalid = fc.oneof(
    fc.constantFrom('', 'X Name', 'X:Name', 'X-Ä', 'X\nY', 'X\r\nY', 'X(1)', 'X@1', 'X/1', 'X"1'),
    fc.constantFrom(...managedNames).chain((name) => fc.mixedCase(fc.constant(name))),
  );
  return validOrNot(valid, invalid, invalidWeight);
}

function headerValueArbitrary(units: FieldUnits, invalidWeight: number) {
  const valueUnit = units.text.filter((unit) => !/[\u0000-\u0008\u000a-\u001f\u007f]/.test(unit));
  const padding = fc.string({ unit: fc.constantFrom(' ', '\t'), maxLength: 2 });
  const valid = fc.oneof(
    {
      weight: 12,
      arbitrary: fc
        .tuple(padding, textOf(valueUnit, 16), padding)
        .map(([before, text, after]) => before + text + after),
    },
    { weight: 1, arbitrary: fc.integer({ min: 1000, max: 20_000 }).map((n) => 'h'.repeat(n)) },
  );
  // A line break or control character could end the header and start another one.
  const invalid = withInserted(
    valid,
    fc.oneof(
      fc.constantFrom(
        '\n',
        '\r',
        '\r\n',
        '\r\nX-Injected: 1',
        '\nX-Injected: 1',
        '\r\n\r\nGET / HTTP/1.1',
        '\u0000',
        '\u001b',
        '\u007f',
        '\u000b',
        '\u000c',
      ),
      loneSurrogate,
    ),
  );
  return validOrNot(valid, invalid, invalidWeight);
}

function headersArbitrary(units: FieldUnits, invalidWeight: number) {
  const entry = fc.tuple(
    headerNameArbitrary(invalidWeight),
    headerValueArbitrary(units, invalidWeight),
  );
  const entries = fc.oneof(
    { weight: 8, arbitrary: fc.array(entry, { maxLength: 4 }) },
    // Two names that differ only in case, which the module rejects as a repeated header.
    {
      weight: invalidWeight === 0 ? 0 : 1,
      arbitrary: fc
        .tuple(entry, fc.constantFrom('X-Twice', 'accept'))
        .map(
          ([first, name]) => [first, [name, 'a'], [name.toUpperCase(), 'b']] as [string, string][],
        ),
    },
  );
  // Object.fromEntries defines own properties, so a '__proto__' name stays a header.
  return fc.option(
    entries.map((list) => Object.fromEntries(list) as Record<string, string>),
    { nil: undefined, freq: 3 },
  );
}

function tokenArbitrary(units: FieldUnits, invalidWeight: number) {
  // JavaScript's trim() removes these, and the module trims the token with it.
  const surrounding = fc.string({
    unit: fc.constantFrom(' ', '\t', '\n', '\r', '\u00a0', '\ufeff', '\u2028', '\u3000'),
    maxLength: 3,
  });
  const core = textOf(units.token, 40, 1).filter((text) => /^[\x21-\x7e]+$/.test(text));
  const valid = fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(undefined, '', '  ', '\n') },
    {
      weight: 12,
      arbitrary: fc
        .tuple(surrounding, core, surrounding)
        .map(([before, text, after]) => before + text + after),
    },
    { weight: 1, arbitrary: fc.integer({ min: 16_000, max: 16_384 }).map((n) => 't'.repeat(n)) },
  );
  const invalid = fc.oneof(
    withInserted(
      core.filter((text) => text.length > 1),
      fc.oneof(
        fc.constantFrom(
          ' ',
          '\t',
          '\n',
          '\r\nX-Injected: 1',
          'é',
          '😀',
          '\u0000',
          '\u007f',
          '\u0085',
        ),
        loneSurrogate,
      ),
      1,
    ).filter((text) => /^\S.*\S$/su.test(text)),
    fc.constant('t'.repeat(16_385)),
  );
  return validOrNot<string | undefined>(valid, invalid, invalidWeight);
}

// Payloads: JSON values.

const edgeNumbers = [
  0,
  -0,
  1,
  -1,
  0.1,
  1e308,
  -1e308,
  5e-324,
  -5e-324,
  1.7976931348623157e308,
  2.2250738585072014e-308,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53) - 2,
  1e21,
  1e-7,
  123456789012345680000,
];

const numberValue = fc.oneof(
  { weight: 3, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 2, arbitrary: fc.constantFrom(...edgeNumbers) },
);

const specialKeys = fc.constantFrom(
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '',
  '0',
  '1',
  '01',
  '-1',
  'null',
  'True',
  'None',
);

/** Builds a plain object with own, enumerable properties, so that '__proto__' is a key. */
function objectFromEntries(
  entries: readonly (readonly [string, JsonValue])[],
  nullPrototype: boolean,
): JsonValue {
  const object: Record<string, JsonValue> = nullPrototype ? Object.create(null) : {};

  for (const [key, value] of entries) {
    Object.defineProperty(object, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return object;
}

/** Generates JSON values nested a few levels deep, with strings and keys made of `units.json`. */
export function jsonValueArbitrary(units: FieldUnits = defaultUnits): fc.Arbitrary<JsonValue> {
  const key = fc.oneof(
    { weight: 4, arbitrary: textOf(units.json, 8) },
    { weight: 1, arbitrary: specialKeys },
  );
  const leaf: fc.Arbitrary<JsonValue> = fc.oneof(
    { weight: 2, arbitrary: fc.constant(null) },
    { weight: 2, arbitrary: fc.boolean() },
    { weight: 4, arbitrary: numberValue },
    { weight: 6, arbitrary: textOf(units.json, 20) },
    // Long strings, which the Python code leaves on one line past the 88 columns of its layout.
    { weight: 1, arbitrary: textOf(units.json, 2000, 100) },
  );

  const { value } = fc.letrec<{ value: JsonValue }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('value'), { maxLength: 4 }),
      fc
        .tuple(fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }), fc.boolean())
        .map(([entries, nullPrototype]) => objectFromEntries(entries, nullPrototype)),
    ),
  }));
  return value;
}

/** Nests a value in `depth` arrays and objects, which the module accepts up to 100 levels. */
function nestedValue(depth: number, inner: JsonValue, objectLevels: readonly boolean[]): JsonValue {
  let value = inner;
  for (let level = 0; level < depth; level += 1) {
    value = objectLevels[level % objectLevels.length] === true ? { k: value } : [value];
  }
  return value;
}

const deepValue = fc
  .tuple(
    fc.integer({ min: 95, max: 102 }),
    fc.oneof(fc.constant('deepest'), fc.constant(null), fc.constant({})),
    fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
  )
  .map(([depth, inner, objectLevels]) => nestedValue(depth, inner, objectLevels));

/** Values that JSON cannot represent, or that the module rejects, placed inside a JSON value. */
const unrepresentableValue = fc
  .tuple(
    fc.constantFrom<() => unknown>(
      () => Number.NaN,
      () => Number.POSITIVE_INFINITY,
      () => Number.NEGATIVE_INFINITY,
      () => 10n,
      () => new Date(0),
      () => new Map(),
      () => /x/,
      () => () => 1,
      () => Symbol('s'),
      () => [undefined],
      () => new (class Point {})(),
      () => {
        const cycle: unknown[] = [];
        cycle.push(cycle);
        return cycle;
      },
    ),
    fc.integer({ min: 0, max: 3 }),
  )
  .map(([make, depth]) => nestedValue(depth, make() as JsonValue, [false, true]));

// Payloads: JSON texts.

const jsonWhitespace = fc.oneof(
  { weight: 6, arbitrary: fc.constant('') },
  {
    weight: 3,
    arbitrary: fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\r', '\r\n'), maxLength: 4 }),
  },
);

const shortEscapes: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '/': '\\/',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

function unicodeEscape(code: number, upperCase: boolean): string {
  const hex = code.toString(16).padStart(4, '0');
  return `\\u${upperCase ? hex.toUpperCase() : hex}`;
}

/**
 * Writes one unit of a JSON string in one of the ways JSON allows: raw where JSON permits it, as
 * a short escape, or as \u escapes with lower- or upper-case hex digits.
 */
function writeStringUnit(unit: string, style: number): string {
  let written = '';

  for (let index = 0; index < unit.length; index += 1) {
    const character = unit[index] as string;
    const code = unit.charCodeAt(index);
    const rawAllowed = code >= 0x20 && character !== '"' && character !== '\\';
    const surrogate = code >= 0xd800 && code <= 0xdfff;
    const pairedSurrogate =
      surrogate &&
      ((code < 0xdc00 && /[\udc00-\udfff]/.test(unit[index + 1] ?? '')) ||
        (code >= 0xdc00 && /[\ud800-\udbff]/.test(unit[index - 1] ?? '')));
    const short = shortEscapes[character];

    if (style % 4 === 0 && rawAllowed && (!surrogate || pairedSurrogate)) {
      written += character;
    } else if (style % 4 === 1 && short !== undefined) {
      written += short;
    } else if (!rawAllowed || surrogate || style % 4 >= 2) {
      written += unicodeEscape(code, style % 4 === 3);
    } else {
      written += character;
    }
  }
  return written;
}

function jsonStringText(units: FieldUnits): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(units.json, fc.nat({ max: 7 })), { maxLength: 12 })
    .map((parts) => `"${parts.map(([unit, style]) => writeStringUnit(unit, style)).join('')}"`);
}

const numberText = fc.oneof(
  { weight: 3, arbitrary: fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String) },
  {
    weight: 3,
    arbitrary: fc
      .double({ noNaN: true, noDefaultInfinity: true })
      .map((value) => JSON.stringify(value)),
  },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '0',
      '-0',
      '-0.0',
      '0.0',
      '1E+2',
      '1e-7',
      '2.50',
      '6.02e23',
      '5e-324',
      '-5e-324',
      '1e308',
      '-1e308',
      '1.7976931348623157e308',
      '1.7976931348623158e308',
      '1e-400',
      '-1e-400',
      '0e999999',
      '1.0000000000000000000001',
      '9007199254740993',
      '-9007199254740993',
      '18446744073709551616',
      '-170141183460469231731687303715884105728',
      '123456789012345678901234567890.5',
      '1E400',
      '-1e309',
    ),
  },
  // Integers around the 4300 digits that Python converts.
  {
    weight: 1,
    arbitrary: fc.integer({ min: 4295, max: 4301 }).map((digits) => '9'.repeat(digits)),
  },
);

/** Writes an object member, with whitespace around its key and around its value. */
function writeMember(parts: readonly [string, string, string, string, string, string]): string {
  const [beforeKey, key, afterKey, beforeValue, value, afterValue] = parts;
  return `${beforeKey}${key}${afterKey}:${beforeValue}${value}${afterValue}`;
}

/** Generates JSON texts in unusual but valid formatting: any whitespace, escape and number form. */
export function jsonTextArbitrary(units: FieldUnits = defaultUnits): fc.Arbitrary<string> {
  const stringText = jsonStringText(units);
  const leaf = fc.oneof(fc.constantFrom('null', 'true', 'false'), numberText, stringText);

  const { node } = fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc
        .tuple(
          jsonWhitespace,
          fc.array(fc.tuple(jsonWhitespace, tie('node'), jsonWhitespace), { maxLength: 4 }),
        )
        .map(([inside, items]) =>
          items.length === 0
            ? `[${inside}]`
            : `[${items.map(([before, item, after]) => before + item + after).join(',')}]`,
        ),
      fc
        .tuple(
          jsonWhitespace,
          fc.array(
            fc.tuple(
              jsonWhitespace,
              fc.oneof(stringText, fc.constantFrom('"__proto__"', '"a"', '"a"', '""')),
              jsonWhitespace,
              jsonWhitespace,
              tie('node'),
              jsonWhitespace,
            ),
            { maxLength: 4 },
          ),
        )
        .map(([inside, entries]) =>
          entries.length === 0 ? `{${inside}}` : `{${entries.map(writeMember).join(',')}}`,
        ),
    ),
  }));
  return fc
    .tuple(jsonWhitespace, node, jsonWhitespace)
    .map(([before, text, after]) => before + text + after);
}

const deepText = fc
  .tuple(
    fc.integer({ min: 95, max: 102 }),
    fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
    jsonWhitespace,
  )
  .map(([depth, objectLevels, space]) => {
    let opening = '';
    let closing = '';
    for (let level = 0; level < depth; level += 1) {
      const isObject = objectLevels[level % objectLevels.length] === true;
      opening += isObject ? `{${space}"k"${space}:${space}` : `[${space}`;
      closing = (isObject ? `${space}}` : `${space}]`) + closing;
    }
    return `${opening}"deepest"${closing}`;
  });

/** Texts that JSON.parse rejects, or that the module rejects past JSON.parse. */
const invalidText = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '{',
    '[1,]',
    '{"a":1,}',
    "{'a':1}",
    'NaN',
    'Infinity',
    '-Infinity',
    '01',
    '+1',
    '.5',
    '1.',
    '0x10',
    '[1 2]',
    '{"a" 1}',
    'nul',
    'True',
    '"\t"',
    '"\u0000"',
    '"\ud800"',
    '["\udc00x"]',
    '\ufeff{}',
    '\u00a0{}',
    '{}\u2028',
    '// comment\n{}',
    '{"a":1}/*x*/',
    '"\\x41"',
    '"\\u12"',
    '"\\U0001F600"',
    '[1]]',
    '{}{}',
    '"unterminated',
    "'single'",
  ),
  // A valid text, truncated or with a stray character inserted.
  fc
    .tuple(jsonTextArbitrary(), fc.nat())
    .map(([text, seed]) => text.slice(0, seed % (text.length + 1))),
  withInserted(
    jsonTextArbitrary(),
    fc.constantFrom(',', ':', '"', '}', ']', 'x', '\u0000', '\\', "'"),
  ),
);

// Payloads together.

export interface PayloadOptions {
  readonly units?: FieldUnits;
  readonly invalidWeight?: number;
  /**
   * The weight of bodies over 64 KiB, which cURL pipes through standard input, against 70 for
   * the other valid payloads.
   */
  readonly hugeWeight?: number;
}

/** Bodies around and past the 64 KiB that cURL takes as an argument, beyond which it pipes them. */
const hugeBody = fc.oneof(
  fc
    .integer({ min: 64 * 1024 - 16, max: 80 * 1024 })
    .map((length) => ({ text: "é😀'!$`x".repeat(length / 8) })),
  fc.constant(`[${'"it\'s $HOME `id` \\\\ é 😀 !x", '.repeat(3000)}0]`),
  fc
    .integer({ min: 64 * 1024 - 4, max: 64 * 1024 + 4 })
    .map((length) => `"${'a'.repeat(length - 2)}"`),
);

export function payloadArbitrary(options: PayloadOptions = {}): fc.Arbitrary<Payload | undefined> {
  const units = options.units ?? defaultUnits;
  const invalidWeight = options.invalidWeight ?? 1;
  const edgeCases = fc.constantFrom<Payload | undefined>(
    undefined,
    null,
    {},
    [],
    true,
    false,
    0,
    -0,
    1e308,
    5e-324,
    'null',
    ' null\n',
    '{}',
    '[]',
    '""',
    '0',
    '-0',
    '-0.0',
    '1e308',
    '5e-324',
  );

  return fc.oneof(
    { weight: 10, arbitrary: edgeCases },
    { weight: 30, arbitrary: jsonValueArbitrary(units) },
    { weight: 25, arbitrary: jsonTextArbitrary(units) },
    { weight: 5, arbitrary: fc.oneof(deepValue, deepText) },
    { weight: 5 * invalidWeight, arbitrary: fc.oneof(invalidText, unrepresentableValue) },
    { weight: options.hugeWeight ?? 0, arbitrary: hugeBody },
  );
}

// Whole requests.

/** A field of a request template that can be generated invalid. */
export type TemplateField = 'basePath' | 'workloadId' | 'path' | 'headers' | 'token' | 'payload';

export interface RequestOptions extends PayloadOptions {
  /** The methods to generate, both by default. */
  readonly methods?: readonly HttpMethod[];
  /** Weights against 30 that replace `invalidWeight` for single fields. */
  readonly invalidWeights?: Partial<Record<TemplateField, number>>;
}

/**
 * Generates request templates. Each field is invalid with weight `invalidWeight` against 30, so
 * that most requests run and the rest test the module's rejections.
 */
export function requestTemplateArbitrary(
  options: RequestOptions = {},
): fc.Arbitrary<RequestTemplate> {
  const units = options.units ?? defaultUnits;
  const weight = (field: TemplateField) =>
    options.invalidWeights?.[field] ?? options.invalidWeight ?? 1;
  const basePath = basePathArbitrary(units, weight('basePath'));
  const workloadId = workloadIdArbitrary(units, weight('workloadId'));

  const location = fc.oneof(
    { weight: 4, arbitrary: fc.record({ basePath, workloadId }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(basePath, fc.option(fc.record({ basePath, workloadId }), { nil: undefined }))
        .map(([endpointPath, ignored]) => ({ endpointPath, ...ignored })),
    },
  );

  return fc
    .record({
      method: fc.constantFrom(...(options.methods ?? (['GET', 'POST'] as const))),
      location,
      path: appPathArbitrary(units, weight('path')),
      headers: headersArbitrary(units, weight('headers')),
      token: tokenArbitrary(units, weight('token')),
      payload: payloadArbitrary({ ...options, units, invalidWeight: weight('payload') }),
    })
    .map(({ location: where, ...rest }) => ({ ...where, ...rest }));
}
