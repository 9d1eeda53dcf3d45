import { render, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { InferencePanel, type InferencePanelProps, type LanguageId } from '../../src';
import { maxHighlightedLength } from '../../src/components/code-block';
import { generateScripts, getCodeBlocks, getCodeTexts, workloadProps } from './support';

function tokenTypes(block: HTMLElement): Set<string> {
  const types = new Set<string>();
  for (const span of block.querySelectorAll('.token')) {
    for (const name of span.classList) {
      if (name !== 'token') types.add(name);
    }
  }
  return types;
}

describe('code blocks', () => {
  test('highlight cURL with shell tokens', () => {
    const { container } = render(<InferencePanel {...workloadProps} defaultLanguage="curl" />);

    for (const block of getCodeBlocks(container)) {
      expect(block).toHaveAttribute('data-highlighted', 'true');
      expect(block.querySelector('.token.function')).toHaveTextContent('curl');
      expect(block.querySelector('.token.parameter')).toHaveTextContent('--request');
      expect(block.querySelector('.token.string')).toHaveTextContent(
        /^'https:\/\/app\.example\.com/,
      );
      expect(block.querySelector('.token.punctuation')).toHaveTextContent('\\');
    }
    const postTypes = tokenTypes(getCodeBlocks(container)[1] as HTMLElement);
    expect([...postTypes].filter((type) => type !== 'plain').length).toBeGreaterThan(2);
  });

  test('highlight Python with keyword and string tokens', () => {
    const { container } = render(<InferencePanel {...workloadProps} />);

    for (const block of getCodeBlocks(container)) {
      expect(block).toHaveAttribute('data-highlighted', 'true');
      expect(block.querySelector('.token.keyword')).toHaveTextContent('import');
      expect(block.querySelector('.token.string')).toHaveTextContent(/^"https:/);
    }
  });

  test('colour tokens with the theme properties', () => {
    const { container } = render(<InferencePanel {...workloadProps} defaultLanguage="curl" />);

    const parameter = container.querySelector<HTMLElement>('.token.parameter');
    expect(parameter?.style.color).toContain('--inference-panel-token-parameter');
  });

  const textCases: readonly { case: string; props: InferencePanelProps }[] = [
    { case: 'the default payload', props: workloadProps },
    {
      case: 'a payload with blank lines',
      props: { ...workloadProps, payload: '{\n\n  "input": "Hello"\n\n}' },
    },
    {
      case: 'a payload with CRLF line breaks',
      props: { ...workloadProps, payload: '{\r\n  "input": "Hello"\r\n}' },
    },
    {
      case: 'a payload with quotes',
      props: { ...workloadProps, payload: { input: 'it\'s "quoted" \\ and $HOME' } },
    },
    {
      case: 'extra headers',
      props: { ...workloadProps, headers: { 'X-Trace': 'on', 'X-Empty': '' } },
    },
  ];

  for (const language of ['python', 'curl'] as const satisfies readonly LanguageId[]) {
    test.each(textCases)(`equal the generated ${language} code for $case`, ({ props }) => {
      const { container } = render(<InferencePanel {...props} defaultLanguage={language} />);

      const scripts = generateScripts(props, language, false);
      expect(getCodeTexts(container)).toEqual([scripts.GET, scripts.POST]);
    });
  }

  test('render long code as plain text', () => {
    const input = 'x'.repeat(maxHighlightedLength);
    const props = { ...workloadProps, payload: { input } };
    const { container } = render(<InferencePanel {...props} defaultLanguage="curl" />);

    const [getBlock, postBlock] = getCodeBlocks(container);
    expect(getBlock).toHaveAttribute('data-highlighted', 'true');
    expect(postBlock).toHaveAttribute('data-highlighted', 'false');
    expect(postBlock?.querySelector('.token')).toBeNull();
    expect(postBlock?.textContent).toBe(generateScripts(props, 'curl', false).POST);
  });

  test('split long plain code into lazily laid out chunks', () => {
    const items = Array.from({ length: 1500 }, (_, index) => `item ${index} ${'y'.repeat(20)}`);
    const props = { ...workloadProps, payload: { items } };
    const { container } = render(<InferencePanel {...props} />);

    const [, postBlock] = getCodeBlocks(container);
    const chunks = postBlock?.querySelectorAll<HTMLElement>('[data-slot="code-chunk"]') ?? [];
    const expected = generateScripts(props, 'python', false).POST;

    expect(postBlock).toHaveAttribute('data-highlighted', 'false');
    expect(chunks.length).toBe(Math.ceil(expected.split('\n').length / 200));
    expect(chunks[0]?.style.contentVisibility).toBe('auto');
    expect(chunks[0]?.textContent?.split('\n')).toHaveLength(201);
    expect(postBlock?.textContent).toBe(expected);
  });

  test('are focusable regions named by their caption', () => {
    render(<InferencePanel {...workloadProps} />);

    for (const name of ['GET request', 'POST request']) {
      const region = screen.getByRole('region', { name });
      expect(region).toHaveAttribute('tabindex', '0');
      expect(region.tagName).toBe('PRE');
    }
  });
});
