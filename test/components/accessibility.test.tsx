import { render, screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { InferencePanel } from '../../src';
import { workloadProps } from './support';

describe('accessible names', () => {
  test('name the switch by its label', () => {
    render(<InferencePanel {...workloadProps} />);

    const secretsSwitch = screen.getByRole('switch', { name: 'Show secrets' });
    const label = screen.getByText('Show secrets');
    expect(label.tagName).toBe('LABEL');
    expect(label).toHaveAttribute('for', secretsSwitch.id);
    expect(secretsSwitch).toHaveAttribute('aria-checked', 'false');
  });

  test('name the button by its text', () => {
    render(<InferencePanel {...workloadProps} />);

    const button = screen.getByRole('button', { name: 'Copy script to clipboard' });
    expect(button).toHaveTextContent('Copy script to clipboard');
    expect(button).not.toHaveAttribute('aria-label');
    expect(button.querySelector('svg')).toHaveAttribute('aria-hidden', 'true');
  });

  test('name the radiogroup by its label', () => {
    render(<InferencePanel {...workloadProps} />);

    const group = screen.getByRole('radiogroup', { name: 'Language' });
    expect(within(group).getByRole('radio', { name: 'Python' })).toHaveAttribute(
      'aria-checked',
      'true',
    );
    expect(within(group).getByRole('radio', { name: 'cURL' })).toHaveAttribute(
      'aria-checked',
      'false',
    );
  });

  test('keep the live region polite', () => {
    render(<InferencePanel {...workloadProps} />);

    const status = screen.getByRole('status');
    expect(status).not.toHaveAttribute('aria-live', 'assertive');
    expect(status).toHaveTextContent('');
  });
});
