import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  defaultLabels,
  InferencePanel,
  type InferencePanelLabels,
  SnippetInputError,
} from '../../src';
import { workloadProps } from './support';

afterEach(() => {
  vi.restoreAllMocks();
});

const germanLabels: InferencePanelLabels = {
  languageToggle: 'Sprache',
  languages: { python: 'Py3', curl: 'Kommandozeile' },
  showSecrets: 'Geheimnisse zeigen',
  copy: 'Skript kopieren',
  copied: 'Kopiert',
  copyFailed: 'Kopieren fehlgeschlagen',
  getExample: 'GET-Anfrage',
  postExample: 'POST-Anfrage',
  stableUrl: 'Diese URL bleibt gleich.',
  invalidProps: 'Der Beispielcode kann nicht angezeigt werden.',
  formatError: (error) => `Ungültiges Feld ${error.field}`,
};

/** Lists every default English string, including the language names. */
function listDefaultStrings(): string[] {
  const { languages, formatError: _formatError, ...strings } = defaultLabels;
  return [...Object.values(strings), ...Object.values(languages)];
}

function expectNoDefaultStrings(root: HTMLElement) {
  const text = root.textContent ?? '';
  for (const string of listDefaultStrings()) {
    expect(text).not.toContain(string);
  }
}

describe('labels', () => {
  test('replace every string of the ready panel', async () => {
    const user = userEvent.setup();
    const { container } = render(<InferencePanel {...workloadProps} labels={germanLabels} />);

    expect(screen.getByRole('radiogroup', { name: 'Sprache' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Py3' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Kommandozeile' })).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: 'Geheimnisse zeigen' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Skript kopieren' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'GET-Anfrage' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'POST-Anfrage' })).toBeInTheDocument();
    expect(screen.getByText('Diese URL bleibt gleich.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Skript kopieren' }));

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Kopiert'));
    expectNoDefaultStrings(container);
  });

  test('replace the copy failure message', async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(
      new DOMException('Write permission denied.', 'NotAllowedError'),
    );
    const { container } = render(<InferencePanel {...workloadProps} labels={germanLabels} />);

    await user.click(screen.getByRole('button', { name: 'Skript kopieren' }));

    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('Kopieren fehlgeschlagen'),
    );
    expectNoDefaultStrings(container);
  });

  test('replace the error heading and message', () => {
    const formatError = vi.fn(germanLabels.formatError);
    const { container } = render(
      <InferencePanel
        {...workloadProps}
        baseUrl="ftp://files.example.com"
        labels={{ ...germanLabels, formatError }}
      />,
    );

    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Der Beispielcode kann nicht angezeigt werden.');
    expect(alert).toHaveTextContent('Ungültiges Feld baseUrl');
    expect(formatError).toHaveBeenCalled();
    const error = formatError.mock.calls[0]?.[0];
    expect(error).toBeInstanceOf(SnippetInputError);
    expect(error?.field).toBe('baseUrl');
    expectNoDefaultStrings(container);
  });

  test('keep the defaults for strings not given', () => {
    render(<InferencePanel {...workloadProps} labels={{ languages: { curl: 'Shell' } }} />);

    expect(screen.getByRole('radio', { name: 'Python' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Shell' })).toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: 'cURL' })).toBeNull();
    expect(screen.getByRole('switch', { name: 'Show secrets' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy script to clipboard' })).toBeInTheDocument();
  });

  test('keep the defaults for undefined values', () => {
    render(
      <InferencePanel
        {...workloadProps}
        labels={{ copy: undefined, languages: { python: undefined } }}
      />,
    );

    expect(screen.getByRole('button', { name: 'Copy script to clipboard' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Python' })).toBeInTheDocument();
  });

  test('follow a change of the labels prop', () => {
    const { rerender } = render(<InferencePanel {...workloadProps} />);
    expect(screen.getByRole('switch', { name: 'Show secrets' })).toBeInTheDocument();

    rerender(<InferencePanel {...workloadProps} labels={{ showSecrets: 'Reveal token' }} />);

    expect(screen.getByRole('switch', { name: 'Reveal token' })).toBeInTheDocument();
  });
});
