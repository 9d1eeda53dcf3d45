import { Highlight } from 'prism-react-renderer';
import type { ReactNode } from 'react';
import './prism-bash.js';
import { panelPrismTheme } from './prism-theme.js';

/**
 * Code longer than this renders as plain text: Prism's cost grows with the text, and a block of
 * a megabyte would hold the main thread for seconds.
 */
export const maxHighlightedLength = 20_000;

interface CodeBlockProps {
  code: string;
  grammar: 'python' | 'bash';
  captionId: string;
}

/** Renders code as a highlighted, focusable and scrollable block. */
export function CodeBlock({ code, grammar, captionId }: CodeBlockProps) {
  const blockProps = {
    tabIndex: 0,
    role: 'region',
    'aria-labelledby': captionId,
    'data-slot': 'code-block',
    'data-grammar': grammar,
  } as const;

  if (code.length > maxHighlightedLength) {
    return (
      <pre {...blockProps} data-highlighted="false" style={panelPrismTheme.plain}>
        <code>{renderChunks(code)}</code>
      </pre>
    );
  }

  return (
    <Highlight code={code} language={grammar} theme={panelPrismTheme}>
      {({ style, tokens, getTokenProps }) => (
        <pre {...blockProps} data-highlighted="true" style={style}>
          <code>{renderTokens(code, tokens, getTokenProps)}</code>
        </pre>
      )}
    </Highlight>
  );
}

const linesPerChunk = 200;

/**
 * Splits long plain code into blocks of lines that the browser lays out only when they scroll
 * into view (`content-visibility: auto`), so that a megabyte of text does not hold the main
 * thread for one long layout. The blocks' text is the code exactly.
 */
function renderChunks(code: string): ReactNode[] {
  const chunks: ReactNode[] = [];
  let start = 0;

  while (start < code.length) {
    let end = start;
    let lines = 0;
    while (end < code.length && lines < linesPerChunk) {
      const next = code.indexOf('\n', end);
      end = next === -1 ? code.length : next + 1;
      lines += 1;
    }

    chunks.push(
      <span
        key={start}
        data-slot="code-chunk"
        style={{
          display: 'block',
          contentVisibility: 'auto',
          containIntrinsicSize: `auto ${lines * 1.5}em`,
        }}
      >
        {code.slice(start, end)}
      </span>,
    );
    start = end;
  }
  return chunks;
}

type Tokens = Parameters<Parameters<typeof Highlight>[0]['children']>[0]['tokens'];
type GetTokenProps = Parameters<Parameters<typeof Highlight>[0]['children']>[0]['getTokenProps'];

const lineBreak = /\r\n|\r|\n/y;

/**
 * Renders the tokens with the line breaks taken from the source, so that the block's text is
 * the code exactly. Prism's own line split turns every break into one newline and gives empty
 * lines a newline of their own.
 */
function renderTokens(code: string, tokens: Tokens, getTokenProps: GetTokenProps): ReactNode[] {
  const nodes: ReactNode[] = [];
  let offset = 0;

  for (const [lineIndex, line] of tokens.entries()) {
    for (const token of line) {
      if (token.empty === true || token.content === '') continue;
      nodes.push(<span key={offset} {...getTokenProps({ token })} />);
      offset += token.content.length;
    }
    if (lineIndex === tokens.length - 1) break;

    lineBreak.lastIndex = offset;
    const match = lineBreak.exec(code);
    const text = match?.[0] ?? '\n';
    nodes.push(text);
    offset += text.length;
  }
  return nodes;
}
