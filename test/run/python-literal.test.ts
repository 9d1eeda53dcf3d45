import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../src/snippets';
import { parseJsonText, treeFromValue } from '../../src/snippets/json-tree';
import { formatPythonLiteral, pythonString } from '../../src/snippets/python-literal';
import { comparableFromBody, comparableFromTree } from './compare-requests';
import { runPythonScript } from './run-code';

const trickyStrings = [
  'a"b',
  "x'''y",
  '"""',
  'ends with a backslash \\',
  'C:\\new\\table',
  '\\u0041 is not A',
  'line 1\nline 2\r\n',
  'tab\tform\fbell\u0007nul\u0000',
  'true or null',
  'None',
  'é 😀 東京',
  'a\u2028b\u2029c\u0085d',
  '\ufeff',
  '\u007f',
  '\u00a0\u202e\u200d',
  '\u{f0000}\u{e0001}',
  '\\\u2028',
  '{x} %s',
];

/** Runs a Python program that assigns `value = <literal>` and prints it with json.dumps. */
async function evaluateInPython(literal: string): Promise<Buffer> {
  const script = `import json\nimport sys\n\n${literal}\n\nsys.stdout.write(json.dumps(value))\n`;
  const result = await runPythonScript(script);

  expect(result.exitCode, result.stderr).toBe(0);
  return Buffer.from(result.stdout, 'utf8');
}

describe('Python literals', () => {
  it('pythonString round-trips tricky strings', async () => {
    const literal = `value = [${trickyStrings.map(pythonString).join(', ')}]`;

    const printed = await evaluateInPython(literal);

    expect(comparableFromBody(printed)).toEqual(trickyStrings);
  });

  it('formatPythonLiteral round-trips nested JSON', async () => {
    const tree = parseJsonText(
      `{"flags": [true, false, null], "text": "true or null", "big": 123456789012345678901234567890, ` +
        `"strings": ${JSON.stringify(trickyStrings)}, ` +
        `"nested": {"a": {"b": [[], {}, [null, [true]]]}, "${'k'.repeat(90)}": []}}`,
    );

    const printed = await evaluateInPython(formatPythonLiteral(tree, 'value = '));

    expect(comparableFromBody(printed)).toEqual(comparableFromTree(tree));
  });

  it('Python accepts nesting at the depth limit', async () => {
    let value: JsonValue = 'deepest';
    for (let depth = 0; depth < 100; depth += 1) value = depth % 2 === 0 ? [value] : { k: value };
    const tree = treeFromValue(value);

    const printed = await evaluateInPython(formatPythonLiteral(tree, 'value = '));

    expect(comparableFromBody(printed)).toEqual(comparableFromTree(tree));
  });
});
