import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import { InferencePanel, secretMask } from '../../src';
import { generateScripts, getCodeTexts, testToken, workloadProps } from './support';

const namedRoles = ['radiogroup', 'radio', 'switch', 'button', 'status', 'region', 'figure'];

function getSecretsSwitch(): HTMLElement {
  return screen.getByRole('switch', { name: 'Show secrets' });
}

/** Asserts that the token is in no text, attribute or accessible name of the document. */
function expectTokenAbsent(container: HTMLElement) {
  expect(container.outerHTML).not.toContain(testToken);
  expect(document.body.innerHTML).not.toContain(testToken);
  expect(document.body.textContent).not.toContain(testToken);

  for (const element of document.body.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      expect(attribute.value, `attribute ${attribute.name}`).not.toContain(testToken);
    }
  }
  for (const role of namedRoles) {
    const named = screen.queryAllByRole(role, {
      hidden: true,
      name: (name) => name.includes(testToken),
    });
    expect(named, `elements of role ${role} named with the token`).toEqual([]);
  }
}

describe('show secrets switch', () => {
  test('masks the token by default', () => {
    const { container } = render(<InferencePanel {...workloadProps} />);

    expect(getSecretsSwitch()).toHaveAttribute('aria-checked', 'false');
    expect(getSecretsSwitch()).toHaveAttribute('data-state', 'unchecked');
    for (const text of getCodeTexts(container)) {
      expect(text).toContain(`Bearer ${secretMask}`);
    }
    expectTokenAbsent(container);
  });

  test('masks the token in cURL too', async () => {
    const user = userEvent.setup();
    const { container } = render(<InferencePanel {...workloadProps} />);

    await user.click(screen.getByRole('radio', { name: 'cURL' }));

    for (const text of getCodeTexts(container)) {
      expect(text).toContain(`'Authorization: Bearer ${secretMask}'`);
    }
    expectTokenAbsent(container);
  });

  test('reveals the token when switched on', async () => {
    const user = userEvent.setup();
    const { container } = render(<InferencePanel {...workloadProps} />);

    await user.click(getSecretsSwitch());

    expect(getSecretsSwitch()).toHaveAttribute('aria-checked', 'true');
    expect(getSecretsSwitch()).toHaveAttribute('data-state', 'checked');
    const revealed = generateScripts(workloadProps, 'python', true);
    expect(getCodeTexts(container)).toEqual([revealed.GET, revealed.POST]);
    for (const text of getCodeTexts(container)) {
      expect(text).toContain(`Bearer ${testToken}`);
      expect(text).not.toContain(secretMask);
    }
  });

  test('removes every trace when hidden again', async () => {
    const user = userEvent.setup();
    const { container } = render(<InferencePanel {...workloadProps} />);

    await user.click(getSecretsSwitch());
    await user.click(screen.getByRole('radio', { name: 'cURL' }));
    expect(container.outerHTML).toContain(testToken);

    await user.click(getSecretsSwitch());

    expect(getSecretsSwitch()).toHaveAttribute('aria-checked', 'false');
    const masked = generateScripts(workloadProps, 'curl', false);
    expect(getCodeTexts(container)).toEqual([masked.GET, masked.POST]);
    expectTokenAbsent(container);
  });

  test('toggles with Space', async () => {
    const user = userEvent.setup();
    const { container } = render(<InferencePanel {...workloadProps} />);

    getSecretsSwitch().focus();
    await user.keyboard(' ');

    expect(getSecretsSwitch()).toHaveAttribute('aria-checked', 'true');
    expect(getSecretsSwitch()).toHaveFocus();
    expect(container.outerHTML).toContain(testToken);

    await user.keyboard(' ');

    expect(getSecretsSwitch()).toHaveAttribute('aria-checked', 'false');
    expectTokenAbsent(container);
  });

  test('starts revealed with defaultShowSecrets', async () => {
    const user = userEvent.setup();
    const onShowSecretsChange = vi.fn();
    const { container } = render(
      <InferencePanel
        {...workloadProps}
        defaultShowSecrets
        onShowSecretsChange={onShowSecretsChange}
      />,
    );

    expect(getSecretsSwitch()).toHaveAttribute('aria-checked', 'true');
    expect(container.textContent).toContain(`Bearer ${testToken}`);

    await user.click(getSecretsSwitch());

    expect(getSecretsSwitch()).toHaveAttribute('aria-checked', 'false');
    expect(onShowSecretsChange).toHaveBeenCalledWith(false);
    expectTokenAbsent(container);
  });

  test('reports a click and follows the prop when controlled', async () => {
    const user = userEvent.setup();
    const onShowSecretsChange = vi.fn();
    const { container, rerender } = render(
      <InferencePanel
        {...workloadProps}
        showSecrets={false}
        onShowSecretsChange={onShowSecretsChange}
      />,
    );

    await user.click(getSecretsSwitch());

    expect(onShowSecretsChange).toHaveBeenCalledTimes(1);
    expect(onShowSecretsChange).toHaveBeenCalledWith(true);
    expect(getSecretsSwitch()).toHaveAttribute('aria-checked', 'false');
    expectTokenAbsent(container);

    rerender(
      <InferencePanel {...workloadProps} showSecrets onShowSecretsChange={onShowSecretsChange} />,
    );

    expect(getSecretsSwitch()).toHaveAttribute('aria-checked', 'true');
    expect(container.textContent).toContain(`Bearer ${testToken}`);

    rerender(
      <InferencePanel
        {...workloadProps}
        showSecrets={false}
        onShowSecretsChange={onShowSecretsChange}
      />,
    );

    expect(getSecretsSwitch()).toHaveAttribute('aria-checked', 'false');
    expectTokenAbsent(container);
    expect(onShowSecretsChange).toHaveBeenCalledTimes(1);
  });

  test('reads the token from the environment without one', () => {
    const { container } = render(<InferencePanel {...workloadProps} token={undefined} />);

    for (const text of getCodeTexts(container)) {
      expect(text).toContain('os.environ["API_TOKEN"]');
      expect(text).not.toContain(secretMask);
    }
  });
});
