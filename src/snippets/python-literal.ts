import type { JsonNode } from './json-tree.js';

/** The line width that Black, the common Python formatter, uses. */
const lineWidth = 88;
const indentUnit = '    ';

/**
 * Writes a JSON tree as a Python literal, with True, False and None, in the layout Black gives:
 * a value stays on one line when it fits, and otherwise opens one line per item with a trailing
 * comma. `prefix` is the text before the value on its first line, such as `payload = `.
 */
export function formatPythonLiteral(node: JsonNode, prefix: string): string {
  return prefix + formatNode(node, '', prefix.length);
}

// The characters for which Python's str.isprintable() is false: the Unicode categories Other and
// Separator, except the space. repr() escapes them, and so does pythonString.
const nonPrintable = /(?! )[\p{C}\p{Z}]/gu;
const printableAscii = /^[\x20-\x7e]*$/;

/**
 * Writes a string as a Python str literal. Every JSON string literal is a valid Python one
 * with the same value: both share the escapes \" \\ \b \f \n \r \t and \uXXXX. Characters
 * that repr() would escape are escaped too, so that no invisible character, line separator or
 * bidirectional control hides in the code or changes how it displays.
 */
export function pythonString(value: string): string {
  const literal = JSON.stringify(value);
  return printableAscii.test(literal) ? literal : literal.replace(nonPrintable, escapeCodePoint);
}

function escapeCodePoint(character: string): string {
  const codePoint = character.codePointAt(0) as number;
  const hex = codePoint.toString(16);

  return codePoint > 0xffff ? `\\U${hex.padStart(8, '0')}` : `\\u${hex.padStart(4, '0')}`;
}

function formatNode(node: JsonNode, indent: string, usedWidth: number): string {
  const inline = formatInline(node, lineWidth - usedWidth);
  if (inline !== undefined) return inline;

  // An empty container stays as [] or {}, even where it exceeds the line width.
  if (node.type === 'array' && node.items.length === 0) return '[]';
  if (node.type === 'object' && node.entries.length === 0) return '{}';

  const inner = indent + indentUnit;
  if (node.type === 'array') {
    const lines = node.items.map((item) => `${inner}${formatNode(item, inner, inner.length + 1)},`);
    return `[\n${lines.join('\n')}\n${indent}]`;
  }
  if (node.type === 'object') {
    const lines = node.entries.map(([key, value]) => {
      const head = `${inner}${pythonString(key)}: `;
      return `${head}${formatNode(value, inner, head.length + 1)},`;
    });
    return `{\n${lines.join('\n')}\n${indent}}`;
  }
  // A scalar that does not fit stays on its line, as Black leaves a long string.
  return formatInline(node, Number.POSITIVE_INFINITY) as string;
}

/** Writes a node on one line, or returns undefined as soon as it exceeds `budget` characters. */
function formatInline(node: JsonNode, budget: number): string | undefined {
  switch (node.type) {
    case 'null':
      return fitting('None', budget);
    case 'boolean':
      return fitting(node.value ? 'True' : 'False', budget);
    case 'number':
      return fitting(node.text, budget);
    case 'string':
      // A literal is at least two characters longer than its value, so a long value is rejected
      // before it is escaped.
      return node.value.length + 2 > budget ? undefined : fitting(pythonString(node.value), budget);
    case 'array':
      return formatInlineArray(node.items, budget);
    case 'object':
      return formatInlineObject(node.entries, budget);
  }
}

function fitting(text: string, budget: number): string | undefined {
  return text.length <= budget ? text : undefined;
}

function formatInlineArray(items: readonly JsonNode[], budget: number): string | undefined {
  let text = '[';

  for (const [index, item] of items.entries()) {
    if (index > 0) text += ', ';
    const part = formatInline(item, budget - text.length - 1);
    if (part === undefined) return undefined;
    text += part;
  }
  return fitting(`${text}]`, budget);
}

function formatInlineObject(
  entries: readonly (readonly [string, JsonNode])[],
  budget: number,
): string | undefined {
  let text = '{';

  for (const [index, [key, value]] of entries.entries()) {
    if (index > 0) text += ', ';
    if (text.length + key.length + 4 > budget) return undefined;

    text += `${pythonString(key)}: `;
    const part = formatInline(value, budget - text.length - 1);
    if (part === undefined) return undefined;
    text += part;
  }
  return fitting(`${text}}`, budget);
}
