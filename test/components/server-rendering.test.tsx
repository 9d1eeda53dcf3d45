// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, test, vi } from 'vitest';
import { InferencePanel, secretMask } from '../../src';
import { generateScripts, testToken, workloadProps } from './support';

/** Decodes the entities that React's server renderer writes in text. */
function decodeText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#x27;', "'")
    .replaceAll('&amp;', '&');
}

describe('server rendering', () => {
  test('runs without a DOM', () => {
    expect(typeof document).toBe('undefined');
    expect(typeof window).toBe('undefined');
  });

  test('writes the panel with the token masked', () => {
    const html = renderToString(<InferencePanel {...workloadProps} />);

    expect(html).toMatch(/^<section class="inference-panel" data-slot="inference-panel"/);
    expect(html).toContain('data-language="python"');
    expect(html).toContain('role="radiogroup"');
    expect(html).toContain('role="switch" aria-checked="false"');
    expect(html).toContain('role="status"');
    expect(html).toContain(`Bearer ${secretMask}`);
    expect(html).not.toContain(testToken);
  });

  test('writes the code text exactly', () => {
    const html = renderToString(<InferencePanel {...workloadProps} defaultLanguage="curl" />);

    const scripts = generateScripts(workloadProps, 'curl', false);
    const text = decodeText(html);
    expect(text).toContain(scripts.GET);
    expect(text).toContain(scripts.POST);
  });

  test('writes the token only when revealed', () => {
    const html = renderToString(<InferencePanel {...workloadProps} defaultShowSecrets />);

    expect(html).toContain('role="switch" aria-checked="true"');
    expect(html).toContain(`Bearer ${testToken}`);
  });

  test('writes an alert for invalid props', () => {
    const html = renderToString(<InferencePanel {...workloadProps} baseUrl="ftp://example.com" />);

    expect(html).toContain('role="alert"');
    expect(html).toContain('data-field="baseUrl"');
    expect(html).not.toContain(testToken);
  });

  test('logs nothing', () => {
    const consoleError = vi.spyOn(console, 'error');
    const consoleWarn = vi.spyOn(console, 'warn');

    renderToString(<InferencePanel {...workloadProps} />);

    expect(consoleError).not.toHaveBeenCalled();
    expect(consoleWarn).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });
});
