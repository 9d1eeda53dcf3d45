import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { InferencePanel } from '../../src';
import { workloadProps } from './support';

function getRoot(container: HTMLElement): HTMLElement {
  const root = container.firstElementChild;
  if (!(root instanceof HTMLElement)) throw new Error('The panel rendered no root element.');
  return root;
}

describe('root element', () => {
  test('is a section with the base class', () => {
    const { container } = render(<InferencePanel {...workloadProps} />);

    const root = getRoot(container);
    expect(root.tagName).toBe('SECTION');
    expect(root).toHaveAttribute('class', 'inference-panel');
    expect(root).toHaveAttribute('data-slot', 'inference-panel');
    expect(root).toHaveAttribute('data-state', 'ready');
  });

  test('merges className after the base class', () => {
    const { container } = render(
      <InferencePanel {...workloadProps} className="host-panel compact" />,
    );

    expect(getRoot(container)).toHaveAttribute('class', 'inference-panel host-panel compact');
  });

  test('forwards style, id, data and aria props', () => {
    const { container } = render(
      <InferencePanel
        {...workloadProps}
        id="inference"
        style={{ maxWidth: '40rem' }}
        data-testid="panel"
        data-theme="dark"
        aria-label="Inference"
        title="Call the Workload"
      />,
    );

    const root = getRoot(container);
    expect(root).toHaveAttribute('id', 'inference');
    expect(root).toHaveStyle({ maxWidth: '40rem' });
    expect(root).toHaveAttribute('data-testid', 'panel');
    expect(root).toHaveAttribute('data-theme', 'dark');
    expect(root).toHaveAttribute('title', 'Call the Workload');
    expect(screen.getByRole('region', { name: 'Inference' })).toBe(root);
  });

  test('forwards event handlers', async () => {
    const user = userEvent.setup();
    const keys: string[] = [];
    render(<InferencePanel {...workloadProps} onKeyDown={(event) => keys.push(event.key)} />);

    screen.getByRole('button', { name: 'Copy script to clipboard' }).focus();
    await user.keyboard('{Escape}');

    expect(keys).toEqual(['Escape']);
  });

  test('updates data-language on a switch', async () => {
    const user = userEvent.setup();
    const { container } = render(<InferencePanel {...workloadProps} />);
    expect(getRoot(container)).toHaveAttribute('data-language', 'python');

    await user.click(screen.getByRole('radio', { name: 'cURL' }));

    expect(getRoot(container)).toHaveAttribute('data-language', 'curl');
  });

  test('keeps its own data-slot and data-language', () => {
    const { container } = render(
      <InferencePanel {...workloadProps} {...{ 'data-slot': 'host', 'data-language': 'ruby' }} />,
    );

    expect(getRoot(container)).toHaveAttribute('data-slot', 'inference-panel');
    expect(getRoot(container)).toHaveAttribute('data-language', 'python');
  });

  test('marks each part with data-slot', () => {
    const { container } = render(<InferencePanel {...workloadProps} />);

    const slots = [
      'toolbar',
      'language-toggle',
      'language-option',
      'actions',
      'secrets-field',
      'secrets-switch',
      'secrets-switch-thumb',
      'secrets-label',
      'copy-field',
      'copy-button',
      'copy-icon',
      'copy-status',
      'stable-url-note',
      'code',
      'example',
      'example-caption',
      'code-block',
    ];
    for (const slot of slots) {
      expect(container.querySelector(`[data-slot="${slot}"]`), slot).not.toBeNull();
    }
    const examples = container.querySelectorAll('[data-slot="example"]');
    expect(Array.from(examples, (example) => example.getAttribute('data-method'))).toEqual([
      'get',
      'post',
    ]);
  });

  test('marks the error part with data-slot', () => {
    const { container } = render(<InferencePanel {...workloadProps} baseUrl="not a url" />);

    for (const slot of ['error', 'error-title', 'error-message']) {
      expect(container.querySelector(`[data-slot="${slot}"]`), slot).not.toBeNull();
    }
  });
});
