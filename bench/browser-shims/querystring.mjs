// Node's querystring module: keys and values percent-encoded as encodeURIComponent does, a
// repeated key read as an array.

function escapeText(text) {
  return encodeURIComponent(text);
}

/** Decodes percent escapes, and returns malformed text unchanged, as Node does. */
function unescapeText(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export { escapeText as escape, unescapeText as unescape };

export function stringify(object, separator = '&', equals = '=') {
  if (object === null || typeof object !== 'object') return '';

  const pairs = [];
  for (const [key, value] of Object.entries(object)) {
    const values = Array.isArray(value) ? value : [value];
    for (const item of values)
      pairs.push(`${escapeText(key)}${equals}${escapeText(stringifyValue(item))}`);
  }
  return pairs.join(separator);
}

function stringifyValue(value) {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return '';
}

export function parse(text, separator = '&', equals = '=') {
  const result = Object.create(null);
  if (typeof text !== 'string' || text === '') return result;

  for (const pair of text.split(separator)) {
    if (pair === '') continue;

    const index = pair.indexOf(equals);
    const rawKey = index === -1 ? pair : pair.slice(0, index);
    const rawValue = index === -1 ? '' : pair.slice(index + equals.length);
    const key = unescapeText(rawKey.replaceAll('+', ' '));
    const value = unescapeText(rawValue.replaceAll('+', ' '));

    if (!Object.hasOwn(result, key)) result[key] = value;
    else if (Array.isArray(result[key])) result[key].push(value);
    else result[key] = [result[key], value];
  }
  return result;
}

export const decode = parse;
export const encode = stringify;
