import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { InferencePanel, type JsonValue } from '../../src';
import { generateScripts, getCodeTexts, workloadProps } from './support';

/** Freezes a value and everything reachable from it, so that any write throws in strict mode. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

function makeHeaders(): Record<string, string> {
  return { 'X-Trace': 'on', Accept: 'application/json' };
}

function makePayload(): JsonValue {
  return {
    model: 'demo',
    messages: [{ role: 'user', content: 'Hello' }],
    options: { temperature: 0.2, stop: null, stream: false },
  };
}

function makeLabels() {
  return { copy: 'Copy', languages: { curl: 'Shell' } };
}

describe('props', () => {
  test('are never mutated', async () => {
    const user = userEvent.setup();
    const headers = deepFreeze(makeHeaders());
    const payload = deepFreeze(makePayload());
    const labels = deepFreeze(makeLabels());
    const style = deepFreeze({ maxWidth: '40rem' });
    const { container } = render(
      <InferencePanel
        {...workloadProps}
        headers={headers}
        payload={payload}
        labels={labels}
        style={style}
      />,
    );

    await user.click(screen.getByRole('radio', { name: 'Shell' }));
    await user.click(screen.getByRole('switch', { name: 'Show secrets' }));
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Copied'));

    expect(headers).toEqual(makeHeaders());
    expect(payload).toEqual(makePayload());
    expect(labels).toEqual(makeLabels());
    expect(style).toEqual({ maxWidth: '40rem' });
    const scripts = generateScripts({ ...workloadProps, headers, payload }, 'curl', true);
    expect(getCodeTexts(container)).toEqual([scripts.GET, scripts.POST]);
  });

  test('keep the order of the given headers', () => {
    const headers = deepFreeze({ 'X-B': '2', 'X-A': '1' });
    const { container } = render(<InferencePanel {...workloadProps} headers={headers} />);

    const getCode = getCodeTexts(container)[0];
    expect(getCode).toMatch(/"X-B": "2",\n {4}"X-A": "1",/);
    expect(Object.keys(headers)).toEqual(['X-B', 'X-A']);
  });
});
