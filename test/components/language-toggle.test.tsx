import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { InferencePanel, type LanguageId } from '../../src';
import { generateScripts, getCodeBlocks, getCodeTexts, workloadProps } from './support';

afterEach(() => {
  vi.restoreAllMocks();
});

function getLanguageOption(name: string): HTMLElement {
  return screen.getByRole('radio', { name });
}

describe('language toggle', () => {
  test('shows Python first and selected', () => {
    const { container } = render(<InferencePanel {...workloadProps} />);

    const group = screen.getByRole('radiogroup', { name: 'Language' });
    const options = within(group).getAllByRole('radio');
    expect(options.map((option) => option.textContent)).toEqual(['Python', 'cURL']);
    expect(getLanguageOption('Python')).toHaveAttribute('aria-checked', 'true');
    expect(getLanguageOption('cURL')).toHaveAttribute('aria-checked', 'false');
    expect(getLanguageOption('Python')).toHaveAttribute('data-state', 'on');
    expect(getLanguageOption('cURL')).toHaveAttribute('data-state', 'off');

    const python = generateScripts(workloadProps, 'python', false);
    expect(getCodeTexts(container)).toEqual([python.GET, python.POST]);
    for (const block of getCodeBlocks(container)) {
      expect(block).toHaveAttribute('data-grammar', 'python');
    }
  });

  test('switches to cURL when clicked', async () => {
    const user = userEvent.setup();
    const { container } = render(<InferencePanel {...workloadProps} />);

    await user.click(getLanguageOption('cURL'));

    expect(getLanguageOption('cURL')).toHaveAttribute('aria-checked', 'true');
    expect(getLanguageOption('Python')).toHaveAttribute('aria-checked', 'false');
    const curl = generateScripts(workloadProps, 'curl', false);
    expect(getCodeTexts(container)).toEqual([curl.GET, curl.POST]);
    for (const block of getCodeBlocks(container)) {
      expect(block).toHaveAttribute('data-grammar', 'bash');
    }
  });

  test('switches back to Python', async () => {
    const user = userEvent.setup();
    const { container } = render(<InferencePanel {...workloadProps} />);

    await user.click(getLanguageOption('cURL'));
    await user.click(getLanguageOption('Python'));

    expect(getLanguageOption('Python')).toHaveAttribute('aria-checked', 'true');
    expect(getLanguageOption('cURL')).toHaveAttribute('aria-checked', 'false');
    const python = generateScripts(workloadProps, 'python', false);
    expect(getCodeTexts(container)).toEqual([python.GET, python.POST]);
  });

  test('keeps the language when clicked again', async () => {
    const user = userEvent.setup();
    const onLanguageChange = vi.fn();
    const { container } = render(
      <InferencePanel {...workloadProps} onLanguageChange={onLanguageChange} />,
    );

    await user.click(getLanguageOption('Python'));

    expect(getLanguageOption('Python')).toHaveAttribute('aria-checked', 'true');
    expect(getLanguageOption('cURL')).toHaveAttribute('aria-checked', 'false');
    expect(onLanguageChange).not.toHaveBeenCalled();
    expect(getCodeBlocks(container)).toHaveLength(2);

    await user.click(getLanguageOption('cURL'));
    await user.click(getLanguageOption('cURL'));

    expect(getLanguageOption('cURL')).toHaveAttribute('aria-checked', 'true');
    expect(onLanguageChange).toHaveBeenCalledTimes(1);
    expect(onLanguageChange).toHaveBeenLastCalledWith('curl');
  });

  test('moves focus with the arrow keys', async () => {
    const user = userEvent.setup();
    render(<InferencePanel {...workloadProps} />);

    await user.tab();
    expect(getLanguageOption('Python')).toHaveFocus();

    await user.keyboard('{ArrowRight}');
    expect(getLanguageOption('cURL')).toHaveFocus();

    await user.keyboard('{ArrowLeft}');
    expect(getLanguageOption('Python')).toHaveFocus();

    await user.keyboard('{ArrowDown}');
    expect(getLanguageOption('cURL')).toHaveFocus();

    await user.keyboard('{ArrowUp}');
    expect(getLanguageOption('Python')).toHaveFocus();
  });

  test('selects the language that the arrow keys focus', async () => {
    const user = userEvent.setup();
    const onLanguageChange = vi.fn();
    const { container } = render(
      <InferencePanel {...workloadProps} onLanguageChange={onLanguageChange} />,
    );

    await user.tab();
    await user.keyboard('{ArrowRight}');

    expect(getLanguageOption('cURL')).toHaveAttribute('aria-checked', 'true');
    expect(onLanguageChange).toHaveBeenCalledTimes(1);
    expect(onLanguageChange).toHaveBeenCalledWith('curl');
    expect(container.querySelector('[data-slot="inference-panel"]')).toHaveAttribute(
      'data-language',
      'curl',
    );

    await user.keyboard('{ArrowLeft}');

    expect(getLanguageOption('Python')).toHaveAttribute('aria-checked', 'true');
  });

  test('selects the focused item with Space', async () => {
    const user = userEvent.setup();
    render(<InferencePanel {...workloadProps} />);

    await user.tab();
    await user.keyboard('{ArrowRight}');
    await user.keyboard(' ');

    expect(getLanguageOption('cURL')).toHaveAttribute('aria-checked', 'true');
    expect(getLanguageOption('Python')).toHaveAttribute('aria-checked', 'false');
  });

  test('tabs into the selected item', async () => {
    const user = userEvent.setup();
    render(<InferencePanel {...workloadProps} defaultLanguage="curl" />);

    await user.tab();

    expect(getLanguageOption('cURL')).toHaveFocus();
  });

  test('starts with defaultLanguage when uncontrolled', async () => {
    const user = userEvent.setup();
    const { container } = render(<InferencePanel {...workloadProps} defaultLanguage="curl" />);

    expect(getLanguageOption('cURL')).toHaveAttribute('aria-checked', 'true');
    expect(getLanguageOption('Python')).toHaveAttribute('aria-checked', 'false');
    const curl = generateScripts(workloadProps, 'curl', false);
    expect(getCodeTexts(container)).toEqual([curl.GET, curl.POST]);

    await user.click(getLanguageOption('Python'));

    expect(getLanguageOption('Python')).toHaveAttribute('aria-checked', 'true');
  });

  test('reports a click and follows the prop when controlled', async () => {
    const user = userEvent.setup();
    const onLanguageChange = vi.fn();
    const { container, rerender } = render(
      <InferencePanel {...workloadProps} language="python" onLanguageChange={onLanguageChange} />,
    );

    await user.click(getLanguageOption('cURL'));

    expect(onLanguageChange).toHaveBeenCalledTimes(1);
    expect(onLanguageChange).toHaveBeenCalledWith('curl');
    expect(getLanguageOption('Python')).toHaveAttribute('aria-checked', 'true');
    expect(getLanguageOption('cURL')).toHaveAttribute('aria-checked', 'false');
    const python = generateScripts(workloadProps, 'python', false);
    expect(getCodeTexts(container)).toEqual([python.GET, python.POST]);

    rerender(
      <InferencePanel {...workloadProps} language="curl" onLanguageChange={onLanguageChange} />,
    );

    expect(getLanguageOption('cURL')).toHaveAttribute('aria-checked', 'true');
    expect(getLanguageOption('Python')).toHaveAttribute('aria-checked', 'false');
    const curl = generateScripts(workloadProps, 'curl', false);
    expect(getCodeTexts(container)).toEqual([curl.GET, curl.POST]);
    expect(onLanguageChange).toHaveBeenCalledTimes(1);
  });

  test('ignores defaultLanguage when controlled', () => {
    render(<InferencePanel {...workloadProps} language="python" defaultLanguage="curl" />);

    expect(getLanguageOption('Python')).toHaveAttribute('aria-checked', 'true');
  });

  test('warns once per unknown language', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { rerender } = render(
      <InferencePanel {...workloadProps} language={'go' as LanguageId} showSecrets={false} />,
    );
    rerender(<InferencePanel {...workloadProps} language={'go' as LanguageId} showSecrets />);
    render(<InferencePanel {...workloadProps} language={'go' as LanguageId} />);

    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toContain('"go"');
  });

  test('falls back to Python for an unknown language', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { container } = render(
      <InferencePanel {...workloadProps} language={'ruby' as LanguageId} />,
    );

    expect(getLanguageOption('Python')).toHaveAttribute('aria-checked', 'true');
    expect(container.firstElementChild).toHaveAttribute('data-language', 'python');
    expect(warn).toHaveBeenCalled();
    expect(warn.mock.calls[0]?.[0]).toContain('"ruby"');
    expect(warn.mock.calls[0]?.[0]).toContain('"python", "curl"');
  });

  test('warns when language switches to uncontrolled', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { rerender } = render(<InferencePanel {...workloadProps} language="curl" />);
    expect(warn).not.toHaveBeenCalled();

    rerender(<InferencePanel {...workloadProps} />);

    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toContain('language prop changed from controlled');
  });
});
