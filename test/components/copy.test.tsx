import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { InferencePanel, type LanguageId, secretMask } from '../../src';
import { generateScripts, getCodeBlocks, getCodeTexts, testToken, workloadProps } from './support';

const copiedText = 'Copied';
const failedText = 'Copy failed';

type ExecCommand = (commandId: string) => boolean;

/** The texts a fallback `execCommand('copy')` found in the hidden textarea, one per call. */
let fallbackTexts: string[] = [];

/**
 * Installs `document.execCommand`, which jsdom lacks. The mock records the value of the textarea
 * that the panel selected for copying and returns `result`. It also focuses the textarea, because
 * jsdom's `select()` leaves focus where it was, so that the tests cover a browser whose `select()`
 * moves focus.
 */
function installExecCommand(result: boolean): ReturnType<typeof vi.fn<ExecCommand>> {
  const execCommand = vi.fn<ExecCommand>((commandId) => {
    const textarea = document.querySelector('textarea');
    if (commandId === 'copy' && textarea !== null) {
      fallbackTexts.push(textarea.value);
      textarea.focus();
    }
    return result;
  });
  Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
  return execCommand;
}

function removeClipboard() {
  Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
}

function getCopyButton(): HTMLElement {
  return screen.getByRole('button', { name: 'Copy script to clipboard' });
}

function getStatus(): HTMLElement {
  return screen.getByRole('status');
}

/** Records every text the status region shows, so that a brief wrong message is caught too. */
function recordStatusTexts(): string[] {
  const status = getStatus();
  const texts: string[] = [status.textContent ?? ''];
  const observer = new MutationObserver(() => texts.push(status.textContent ?? ''));
  observer.observe(status, { childList: true, characterData: true, subtree: true });
  return texts;
}

function expectedCopy(language: LanguageId, showSecrets: boolean): string {
  const scripts = generateScripts(workloadProps, language, showSecrets);
  return `${scripts.GET}\n\n${scripts.POST}`;
}

beforeEach(() => {
  fallbackTexts = [];
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  Reflect.deleteProperty(document, 'execCommand');
  document.getSelection()?.removeAllRanges();
});

describe('copy button', () => {
  test.each([
    { language: 'python', showSecrets: false },
    { language: 'python', showSecrets: true },
    { language: 'curl', showSecrets: false },
    { language: 'curl', showSecrets: true },
  ] as const)(
    'copies $language code shown with showSecrets $showSecrets',
    async ({ language, showSecrets }) => {
      const user = userEvent.setup();
      await navigator.clipboard.writeText('');
      const writeText = vi.spyOn(navigator.clipboard, 'writeText');
      const { container } = render(
        <InferencePanel
          {...workloadProps}
          defaultLanguage={language}
          defaultShowSecrets={showSecrets}
        />,
      );

      await user.click(getCopyButton());

      await waitFor(() => expect(getStatus()).toHaveTextContent(copiedText));
      expect(writeText).toHaveBeenCalledTimes(1);
      const copied = await navigator.clipboard.readText();
      expect(copied).toBe(getCodeTexts(container).join('\n\n'));
      expect(copied).toBe(expectedCopy(language, showSecrets));
      if (showSecrets) {
        expect(copied).toContain(testToken);
      } else {
        expect(copied).not.toContain(testToken);
        expect(copied).toContain(secretMask);
      }
    },
  );

  test('copies the language chosen after rendering', async () => {
    const user = userEvent.setup();
    render(<InferencePanel {...workloadProps} />);

    await user.click(screen.getByRole('radio', { name: 'cURL' }));
    await user.click(getCopyButton());

    await waitFor(() => expect(getStatus()).toHaveTextContent(copiedText));
    expect(await navigator.clipboard.readText()).toBe(expectedCopy('curl', false));
  });

  test('copies the masked token after hiding it again', async () => {
    const user = userEvent.setup();
    render(<InferencePanel {...workloadProps} />);
    const secretsSwitch = screen.getByRole('switch', { name: 'Show secrets' });

    await user.click(secretsSwitch);
    await user.click(secretsSwitch);
    await user.click(getCopyButton());

    await waitFor(() => expect(getStatus()).toHaveTextContent(copiedText));
    const copied = await navigator.clipboard.readText();
    expect(copied).not.toContain(testToken);
    expect(copied).toBe(expectedCopy('python', false));
  });

  test('announces Copied in a polite live region', async () => {
    const user = userEvent.setup();
    render(<InferencePanel {...workloadProps} />);
    const status = getStatus();

    expect(status).toHaveTextContent('');
    expect(status).toHaveAttribute('data-state', 'idle');

    await user.click(getCopyButton());

    await waitFor(() => expect(status).toHaveTextContent(copiedText));
    expect(status).toBe(getStatus());
    expect(status).toHaveAttribute('data-state', 'copied');
    expect(getCopyButton()).toHaveAttribute('data-state', 'copied');
  });

  test('clears Copied after two seconds', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    render(<InferencePanel {...workloadProps} />);

    await user.click(getCopyButton());
    await waitFor(() => expect(getStatus()).toHaveTextContent(copiedText));

    await act(() => vi.advanceTimersByTimeAsync(1900));
    expect(getStatus()).toHaveTextContent(copiedText);

    await act(() => vi.advanceTimersByTimeAsync(200));
    expect(getStatus()).toHaveTextContent('');
    expect(getStatus()).toHaveAttribute('data-state', 'idle');
    expect(getCopyButton()).toHaveAttribute('data-state', 'idle');
  });

  test('clears its timer on unmount', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const consoleError = vi.spyOn(console, 'error');
    const { unmount } = render(<InferencePanel {...workloadProps} />);

    await user.click(getCopyButton());
    await waitFor(() => expect(getStatus()).toHaveTextContent(copiedText));
    const timersWhileCopied = vi.getTimerCount();

    unmount();

    expect(vi.getTimerCount()).toBe(timersWhileCopied - 1);
    await act(() => vi.advanceTimersByTimeAsync(5000));
    expect(consoleError).not.toHaveBeenCalled();
  });

  test('keeps focus on the button', async () => {
    const user = userEvent.setup();
    render(<InferencePanel {...workloadProps} />);

    await user.click(getCopyButton());

    await waitFor(() => expect(getStatus()).toHaveTextContent(copiedText));
    expect(getCopyButton()).toHaveFocus();
  });

  test('copies a payload with markup literally', async () => {
    const user = userEvent.setup();
    const markup = '<img src=x onerror=alert(1)> &amp;';
    const payload = JSON.stringify({ note: markup });
    const { container } = render(
      <InferencePanel {...workloadProps} payload={payload} defaultLanguage="curl" />,
    );

    await user.click(getCopyButton());

    await waitFor(() => expect(getStatus()).toHaveTextContent(copiedText));
    const copied = await navigator.clipboard.readText();
    expect(copied).toContain(markup);
    expect(copied).not.toContain('&lt;');
    expect(copied).not.toContain('&amp;amp;');
    expect(getCodeBlocks(container)[1]?.textContent).toContain(markup);
    expect(document.querySelector('img')).toBeNull();
    expect(container.querySelector('[onerror]')).toBeNull();
  });

  test('falls back to execCommand without the Clipboard API', async () => {
    const user = userEvent.setup();
    removeClipboard();
    const execCommand = installExecCommand(true);
    const { container } = render(<InferencePanel {...workloadProps} defaultLanguage="curl" />);

    await user.click(getCopyButton());

    await waitFor(() => expect(getStatus()).toHaveTextContent(copiedText));
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect(fallbackTexts).toEqual([getCodeTexts(container).join('\n\n')]);
    expect(fallbackTexts).toEqual([expectedCopy('curl', false)]);
    expect(document.querySelector('textarea')).toBeNull();
    expect(getCopyButton()).toHaveFocus();
  });

  test('falls back to execCommand when writeText rejects', async () => {
    const user = userEvent.setup();
    const writeText = vi
      .spyOn(navigator.clipboard, 'writeText')
      .mockRejectedValue(new DOMException('Write permission denied.', 'NotAllowedError'));
    const execCommand = installExecCommand(true);
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    const consoleError = vi.spyOn(console, 'error');

    try {
      render(<InferencePanel {...workloadProps} />);
      await user.click(getCopyButton());

      await waitFor(() => expect(getStatus()).toHaveTextContent(copiedText));
      expect(writeText).toHaveBeenCalledTimes(1);
      expect(execCommand).toHaveBeenCalledWith('copy');
      expect(fallbackTexts).toEqual([expectedCopy('python', false)]);
      expect(getCopyButton()).toHaveFocus();

      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).not.toHaveBeenCalled();
      expect(consoleError).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  test('never copies the hidden token through the fallback', async () => {
    const user = userEvent.setup();
    removeClipboard();
    installExecCommand(true);
    render(<InferencePanel {...workloadProps} />);

    await user.click(getCopyButton());

    await waitFor(() => expect(getStatus()).toHaveTextContent(copiedText));
    expect(fallbackTexts).toHaveLength(1);
    expect(fallbackTexts[0]).not.toContain(testToken);
    expect(fallbackTexts[0]).toContain(secretMask);
  });

  test.each([
    { case: 'execCommand returns false', execCommandResult: false },
    { case: 'execCommand is missing', execCommandResult: undefined },
  ])('shows the failure and selects the code when $case', async ({ execCommandResult }) => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(
      new DOMException('Write permission denied.', 'NotAllowedError'),
    );
    if (execCommandResult !== undefined) installExecCommand(execCommandResult);
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);

    try {
      const { container } = render(<InferencePanel {...workloadProps} />);
      const statusTexts = recordStatusTexts();

      await user.click(getCopyButton());

      await waitFor(() => expect(getStatus()).toHaveTextContent(failedText));
      expect(getStatus()).toHaveAttribute('data-state', 'failed');
      expect(getCopyButton()).toHaveAttribute('data-state', 'failed');
      expect(statusTexts.some((text) => text.includes(copiedText))).toBe(false);
      expect(getCopyButton()).toHaveFocus();

      const selection = document.getSelection();
      expect(selection?.rangeCount).toBe(1);
      const range = selection?.getRangeAt(0);
      expect(range?.commonAncestorContainer).toBe(container.querySelector('[data-slot="code"]'));
      const selected = selection?.toString() ?? '';
      for (const code of getCodeTexts(container)) {
        expect(selected).toContain(code);
      }
      expect(selected).not.toContain(testToken);
      expect(document.querySelector('textarea')).toBeNull();

      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  test('never shows Copied after a failure', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    removeClipboard();
    installExecCommand(false);
    render(<InferencePanel {...workloadProps} />);
    const statusTexts = recordStatusTexts();

    await user.click(getCopyButton());
    await waitFor(() => expect(getStatus()).toHaveTextContent(failedText));
    await act(() => vi.advanceTimersByTimeAsync(3000));
    expect(getStatus()).toHaveTextContent(failedText);

    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(getStatus()).toHaveTextContent('');
    expect(statusTexts.some((text) => text.includes(copiedText))).toBe(false);
  });

  test('replaces a failure with Copied on a later success', async () => {
    const user = userEvent.setup();
    const writeText = vi
      .spyOn(navigator.clipboard, 'writeText')
      .mockRejectedValueOnce(new DOMException('Write permission denied.', 'NotAllowedError'));
    render(<InferencePanel {...workloadProps} />);

    await user.click(getCopyButton());
    await waitFor(() => expect(getStatus()).toHaveTextContent(failedText));

    await user.click(getCopyButton());

    await waitFor(() => expect(getStatus()).toHaveTextContent(copiedText));
    expect(getStatus()).not.toHaveTextContent(failedText);
    expect(writeText).toHaveBeenCalledTimes(2);
  });

  test('ignores a slower earlier copy', async () => {
    const user = userEvent.setup();
    let rejectFirst: (reason: unknown) => void = () => {};
    const writeText = vi
      .spyOn(navigator.clipboard, 'writeText')
      .mockImplementationOnce(
        () =>
          new Promise<void>((_resolve, reject) => {
            rejectFirst = reject;
          }),
      )
      .mockResolvedValueOnce(undefined);
    render(<InferencePanel {...workloadProps} />);

    await user.click(getCopyButton());
    await user.click(getCopyButton());
    await waitFor(() => expect(getStatus()).toHaveTextContent(copiedText));
    const statusTexts = recordStatusTexts();

    await act(async () => {
      rejectFirst(new DOMException('Write permission denied.', 'NotAllowedError'));
    });

    expect(writeText).toHaveBeenCalledTimes(2);
    expect(getStatus()).toHaveTextContent(copiedText);
    expect(statusTexts.some((text) => text.includes(failedText))).toBe(false);
  });

  test('leaves no timer after copies that overlap', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    let resolveFirst: () => void = () => {};
    vi.spyOn(navigator.clipboard, 'writeText')
      .mockImplementationOnce(
        () =>
          new Promise<void>((resolve) => {
            resolveFirst = resolve;
          }),
      )
      .mockResolvedValueOnce(undefined);
    const { unmount } = render(<InferencePanel {...workloadProps} />);
    const timersBeforeCopy = vi.getTimerCount();

    await user.click(getCopyButton());
    await user.click(getCopyButton());
    await waitFor(() => expect(getStatus()).toHaveTextContent(copiedText));
    await act(async () => resolveFirst());
    expect(vi.getTimerCount()).toBe(timersBeforeCopy + 1);

    unmount();

    expect(vi.getTimerCount()).toBe(timersBeforeCopy);
  });

  test('copies and resets in strict mode', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    render(
      <StrictMode>
        <InferencePanel {...workloadProps} />
      </StrictMode>,
    );

    await user.click(getCopyButton());

    await waitFor(() => expect(getStatus()).toHaveTextContent(copiedText));
    expect(await navigator.clipboard.readText()).toBe(expectedCopy('python', false));
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(getStatus()).toHaveTextContent('');
  });

  test('is disabled while the props are invalid', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    render(<InferencePanel {...workloadProps} baseUrl="ftp://files.example.com" />);

    expect(getCopyButton()).toBeDisabled();
    await user.click(getCopyButton());

    expect(writeText).not.toHaveBeenCalled();
    expect(getStatus()).toHaveTextContent('');
  });
});
