import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { InferencePanel, type InferencePanelProps } from '../../src';
import { generateScripts, getCodeBlocks, getCodeTexts, testToken, workloadProps } from './support';

afterEach(() => {
  vi.restoreAllMocks();
});

interface BadPropCase {
  case: string;
  props: InferencePanelProps;
  field: string;
  /** Text expected in the message: what is wrong, or what is accepted. */
  expected: string;
  /** Text that must not appear in the alert, because it is part of the token. */
  secrets: readonly string[];
}

const tokenHalves = [testToken.slice(0, 12), testToken.slice(12)] as const;

const badPropCases: readonly BadPropCase[] = [
  {
    case: 'missing baseUrl',
    props: { workloadId: workloadProps.workloadId, token: testToken },
    field: 'baseUrl',
    expected: 'pass the endpoint URL, or baseUrl together with workloadId',
    secrets: [testToken],
  },
  {
    case: 'missing workloadId',
    props: { baseUrl: workloadProps.baseUrl, token: testToken },
    field: 'workloadId',
    expected: 'pass the endpoint URL, or baseUrl together with workloadId',
    secrets: [testToken],
  },
  {
    case: 'empty workloadId',
    props: { ...workloadProps, workloadId: '' },
    field: 'workloadId',
    expected: "expected the Workload's ID",
    secrets: [testToken],
  },
  {
    case: 'endpoint that is not a URL',
    props: { endpoint: 'not a url', token: testToken },
    field: 'endpoint',
    expected: 'Expected an absolute http:// or https:// URL',
    secrets: [testToken],
  },
  {
    case: 'baseUrl that is not a URL',
    props: { ...workloadProps, baseUrl: 'app.example.com' },
    field: 'baseUrl',
    expected: 'Expected an absolute http:// or https:// URL',
    secrets: [testToken],
  },
  {
    case: 'non-http baseUrl',
    props: { ...workloadProps, baseUrl: 'ftp://files.example.com' },
    field: 'baseUrl',
    expected: 'the scheme ftp: is not supported',
    secrets: [testToken],
  },
  {
    case: 'path leaving the Workload',
    props: { ...workloadProps, path: '../other-workload' },
    field: 'path',
    expected: 'Expected an application path',
    secrets: [testToken],
  },
  {
    case: 'header with an invalid name',
    props: { ...workloadProps, headers: { 'X Trace': 'on' } },
    field: 'headers',
    expected: 'is not an HTTP header name',
    secrets: [testToken],
  },
  {
    case: 'payload text that is not JSON',
    props: { ...workloadProps, payload: '{"input": }' },
    field: 'payload',
    expected: 'Expected a JSON value, or a string that holds a JSON text',
    secrets: [testToken],
  },
  {
    case: 'token with a line break',
    props: { ...workloadProps, token: `${tokenHalves[0]}\n${tokenHalves[1]}` },
    field: 'token',
    expected: 'a line break',
    secrets: tokenHalves,
  },
  {
    case: 'token with a carriage return',
    props: { ...workloadProps, token: `${tokenHalves[0]}\r\n${tokenHalves[1]}` },
    field: 'token',
    expected: 'a line break',
    secrets: tokenHalves,
  },
  {
    case: 'token with inner whitespace',
    props: { ...workloadProps, token: `${tokenHalves[0]} ${tokenHalves[1]}` },
    field: 'token',
    expected: 'whitespace inside it',
    secrets: tokenHalves,
  },
  {
    case: 'token that is not a string',
    props: { ...workloadProps, token: { value: testToken } as unknown as string },
    field: 'token',
    expected: 'the value is of type object. Expected a string',
    secrets: [testToken],
  },
  {
    case: 'workloadId that is a number',
    props: { ...workloadProps, workloadId: 42 as unknown as string },
    field: 'workloadId',
    expected: 'the value is of type number. Expected a string',
    secrets: [testToken],
  },
];

describe('invalid props', () => {
  test.each(badPropCases)('names the prop for $case', (badProp) => {
    const { container } = render(<InferencePanel {...badProp.props} />);

    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The example code cannot be shown.');
    expect(alert).toHaveTextContent(badProp.field);
    expect(alert).toHaveTextContent(badProp.expected);
    expect(alert).toHaveAttribute('data-field', badProp.field);
    for (const secret of badProp.secrets) {
      expect(alert.textContent).not.toContain(secret);
      expect(container.outerHTML).not.toContain(secret);
    }
    expect(container.firstElementChild).toHaveAttribute('data-state', 'invalid');
    expect(getCodeBlocks(container)).toEqual([]);
    expect(screen.getByRole('button', { name: 'Copy script to clipboard' })).toBeDisabled();
  });

  test('keeps the token out of the alert when revealed', () => {
    const { container } = render(
      <InferencePanel {...workloadProps} baseUrl="ftp://files.example.com" defaultShowSecrets />,
    );

    expect(screen.getByRole('alert')).toHaveTextContent('baseUrl');
    expect(container.outerHTML).not.toContain(testToken);
  });

  test('shows the code again once the props are fixed', () => {
    const { container, rerender } = render(
      <InferencePanel {...workloadProps} payload="{not json" />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('payload');

    rerender(<InferencePanel {...workloadProps} payload='{"input": "Hello"}' />);

    expect(screen.queryByRole('alert')).toBeNull();
    expect(container.firstElementChild).toHaveAttribute('data-state', 'ready');
    const scripts = generateScripts(
      { ...workloadProps, payload: '{"input": "Hello"}' },
      'python',
      false,
    );
    expect(getCodeTexts(container)).toEqual([scripts.GET, scripts.POST]);
    expect(screen.getByRole('button', { name: 'Copy script to clipboard' })).toBeEnabled();
  });

  test('logs nothing for invalid props', () => {
    const consoleError = vi.spyOn(console, 'error');
    const consoleWarn = vi.spyOn(console, 'warn');

    render(<InferencePanel {...workloadProps} token={`${tokenHalves[0]}\n${tokenHalves[1]}`} />);

    expect(screen.getByRole('alert')).toHaveTextContent('token');
    expect(consoleError).not.toHaveBeenCalled();
    expect(consoleWarn).not.toHaveBeenCalled();
  });

  test('keeps the toolbar usable', () => {
    render(<InferencePanel {...workloadProps} endpoint="mailto:ops@example.com" />);

    expect(screen.getByRole('alert')).toHaveTextContent('endpoint');
    expect(screen.getByRole('radiogroup', { name: 'Language' })).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: 'Show secrets' })).toBeEnabled();
  });
});
