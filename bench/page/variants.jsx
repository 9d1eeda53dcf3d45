// The components that the rendering benchmark mounts besides the panel: the plain <pre>
// baseline, a variant of it, the panel's parts on their own and the click baseline.
import { useState } from 'react';
// The code block and the toolbar controls are internal modules, imported to time the panel's
// parts on their own. A change to their props has to be copied here.
import { CodeBlock } from '../../src/components/code-block.tsx';
import { CopyButton } from '../../src/components/copy-button.tsx';
import { LanguageToggle } from '../../src/components/language-toggle.tsx';
import { SecretsSwitch } from '../../src/components/secrets-switch.tsx';
import { defaultLabels } from '../../src/index.ts';

/** The method of each script, in the order the panel shows them. */
const methods = ['GET', 'POST'];

/**
 * Renders the baseline: the same code text in <pre> blocks inside the panel's root class, so that
 * the stylesheet lays them out as the panel's code blocks, with no toolbar, captions or highlighting.
 */
export function PlainBlocks({ scripts }) {
  return (
    <section className="inference-panel">
      <div data-slot="code">
        {scripts.map((script, index) => (
          <figure key={methods[index]} data-slot="example">
            <pre data-slot="code-block">
              <code>{script}</code>
            </pre>
          </figure>
        ))}
      </div>
    </section>
  );
}

/**
 * Renders the baseline split into blocks of `linesPerChunk` lines, each with
 * `content-visibility: auto`, so that Chromium lays out only the blocks in view. The DOM still
 * contains the whole text.
 */
export function ChunkedBlocks({ scripts, linesPerChunk = 200 }) {
  return (
    <section className="inference-panel">
      <div data-slot="code">
        {scripts.map((script, index) => (
          <figure key={methods[index]} data-slot="example">
            <pre data-slot="code-block">
              <code>
                {splitLines(script, linesPerChunk).map((chunk) => (
                  <span
                    key={chunk.start}
                    style={{
                      display: 'block',
                      contentVisibility: 'auto',
                      containIntrinsicSize: `auto ${chunk.lineCount * 1.5}em`,
                    }}
                  >
                    {chunk.text}
                  </span>
                ))}
              </code>
            </pre>
          </figure>
        ))}
      </div>
    </section>
  );
}

/** Splits `text` after every `linesPerChunk`-th line break, so that the chunks join to `text`. */
function splitLines(text, linesPerChunk) {
  const chunks = [];
  let start = 0;

  while (start < text.length) {
    let end = start;
    let lineCount = 0;
    while (lineCount < linesPerChunk && end < text.length) {
      const next = text.indexOf('\n', end);
      end = next === -1 ? text.length : next + 1;
      lineCount += 1;
    }
    chunks.push({ start, text: text.slice(start, end), lineCount });
    start = end;
  }
  return chunks;
}

/** Renders the panel's two highlighted code blocks alone, as the panel renders them. */
export function CodeBlocksOnly({ scripts }) {
  return (
    <section className="inference-panel">
      <div data-slot="code">
        {scripts.map((script, index) => (
          <figure key={methods[index]} data-slot="example">
            <CodeBlock code={script} grammar="python" captionId={`caption-${index}`} />
          </figure>
        ))}
      </div>
    </section>
  );
}

/** Renders the panel's toolbar alone: the language toggle, Show secrets switch and copy button. */
export function ToolbarOnly() {
  return (
    <section className="inference-panel">
      <div data-slot="toolbar">
        <LanguageToggle
          value="python"
          onValueChange={() => {}}
          label={defaultLabels.languageToggle}
          languageLabels={defaultLabels.languages}
        />
        <div data-slot="actions">
          <SecretsSwitch
            checked={false}
            onCheckedChange={() => {}}
            label={defaultLabels.showSecrets}
          />
          <CopyButton
            state="idle"
            onCopy={() => {}}
            disabled={false}
            label={defaultLabels.copy}
            copiedMessage={defaultLabels.copied}
            failedMessage={defaultLabels.copyFailed}
          />
        </div>
      </div>
    </section>
  );
}

/** Renders the click baseline: a button whose click changes one word through React state. */
export function BaselineButton() {
  const [pressed, setPressed] = useState(false);
  return (
    <button type="button" data-bench="baseline-button" onClick={() => setPressed(!pressed)}>
      {pressed ? 'on' : 'off'}
    </button>
  );
}
