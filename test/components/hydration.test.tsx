import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { InferencePanel } from '../../src';
import { testToken, workloadProps } from './support';

let root: Root | undefined;
let host: HTMLElement | undefined;

afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = undefined;
  host = undefined;
  vi.restoreAllMocks();
});

async function hydrate(element: ReactElement) {
  const consoleError = vi.spyOn(console, 'error');
  const consoleWarn = vi.spyOn(console, 'warn');
  const onRecoverableError = vi.fn();
  host = document.createElement('div');
  host.innerHTML = renderToString(element);
  document.body.append(host);
  const serverSection = host.firstElementChild;

  await act(async () => {
    root = hydrateRoot(host as HTMLElement, element, { onRecoverableError });
  });

  return { consoleError, consoleWarn, onRecoverableError, serverSection };
}

describe('hydration', () => {
  test('matches the server markup', async () => {
    const { consoleError, consoleWarn, onRecoverableError, serverSection } = await hydrate(
      <InferencePanel {...workloadProps} />,
    );

    expect(onRecoverableError).not.toHaveBeenCalled();
    expect(consoleError).not.toHaveBeenCalled();
    expect(consoleWarn).not.toHaveBeenCalled();
    expect(host?.firstElementChild).toBe(serverSection);
    expect(document.body.innerHTML).not.toContain(testToken);
  });

  test('matches the server markup for invalid props', async () => {
    const { consoleError, onRecoverableError } = await hydrate(
      <InferencePanel {...workloadProps} payload="{" />,
    );

    expect(onRecoverableError).not.toHaveBeenCalled();
    expect(consoleError).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent('payload');
  });

  test('makes the markup interactive', async () => {
    const user = userEvent.setup();
    const { consoleError } = await hydrate(
      <InferencePanel {...workloadProps} defaultLanguage="curl" />,
    );

    await user.click(screen.getByRole('switch', { name: 'Show secrets' }));
    expect(screen.getByRole('switch', { name: 'Show secrets' })).toHaveAttribute(
      'aria-checked',
      'true',
    );
    expect(document.body.textContent).toContain(testToken);

    await user.click(screen.getByRole('radio', { name: 'Python' }));
    expect(screen.getByRole('radio', { name: 'Python' })).toHaveAttribute('aria-checked', 'true');

    await user.click(screen.getByRole('button', { name: 'Copy script to clipboard' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Copied'));
    expect(consoleError).not.toHaveBeenCalled();
  });
});
