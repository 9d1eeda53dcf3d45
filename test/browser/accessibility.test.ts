import { mkdir, writeFile } from 'node:fs/promises';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureOptions } from './fixture/fixture-api';
import { checkedRuleIds, describeViolations, runAxe } from './support/axe';
import {
  openFixture,
  type PanelPage,
  type RunningChromium,
  renderPanel,
  startChromium,
  unexpectedMessages,
} from './support/chromium';
import { grantClipboard, makeExecCommandFail, setClipboardWrite } from './support/clipboard';
import {
  firstCopyMessage,
  invalidPropCases,
  recordCopyStatus,
  slot,
  workloadProps,
} from './support/scenarios';

type ColourScheme = 'light' | 'dark';

interface AuditState {
  name: string;
  fixture: FixtureOptions;
  /** The viewport width in CSS pixels; 1280 when absent. */
  width?: number;
  /** How the copy button was used before the audit. */
  copy?: 'copied' | 'failed';
}

const auditStates: readonly AuditState[] = [
  { name: 'default', fixture: { props: workloadProps } },
  { name: 'revealed', fixture: { props: { ...workloadProps, defaultShowSecrets: true } } },
  { name: 'cURL', fixture: { props: { ...workloadProps, defaultLanguage: 'curl' } } },
  { name: 'without token', fixture: { props: { ...workloadProps, token: undefined } } },
  { name: 'narrow', fixture: { props: workloadProps }, width: 360 },
  { name: 'copied', fixture: { props: workloadProps }, copy: 'copied' },
  { name: 'copy failed', fixture: { props: workloadProps }, copy: 'failed' },
  { name: 'copy failed narrow', fixture: { props: workloadProps }, copy: 'failed', width: 360 },
  {
    name: 'dark data-theme on panel',
    fixture: { props: { ...workloadProps, 'data-theme': 'dark' } },
  },
  {
    name: 'dark data-theme on ancestor',
    fixture: { props: workloadProps, ancestors: [{ 'data-theme': 'dark' }] },
  },
  {
    name: 'light data-theme on panel',
    fixture: { props: { ...workloadProps, 'data-theme': 'light' } },
  },
  ...invalidPropCases.map(({ field, props }) => ({
    name: `invalid ${field}`,
    fixture: { props },
  })),
];

let chromium: RunningChromium;

beforeAll(async () => {
  chromium = await startChromium();
});

afterAll(async () => {
  await chromium?.stop();

  // The IDs of the rules that ran go to test-results/, to review what the audits covered.
  await mkdir('test-results/browser', { recursive: true });
  await writeFile(
    'test-results/browser/axe-rules.json',
    `${JSON.stringify([...checkedRuleIds].sort(), null, 2)}\n`,
  );
});

async function expectNoViolations(page: Page) {
  const results = await runAxe(page);
  expect(describeViolations(results.violations)).toEqual([]);
}

/**
 * Renders `state` on the shared page. When the state has `copy`, it also clicks the copy button,
 * with clipboard-write granted for 'copied', or denied and execCommand failing for 'failed'.
 */
async function showState(opened: PanelPage, state: AuditState): Promise<void> {
  const { page } = opened;
  await page.setViewportSize({ width: state.width ?? 1280, height: 900 });
  await renderPanel(page, state.fixture);
  if (state.copy === undefined) return;

  await setClipboardWrite(page, state.copy === 'failed' ? 'denied' : 'granted');
  await recordCopyStatus(page);
  await page.locator(slot.copyButton).click();
  await firstCopyMessage(page);
}

describe.each<ColourScheme>(['light', 'dark'])('axe audit, %s scheme', (scheme) => {
  let opened: PanelPage;

  beforeAll(async () => {
    opened = await openFixture(chromium.browser, {
      context: { colorScheme: scheme },
      prepare: async (page) => {
        await grantClipboard(page.context());
        // The textarea fallback runs after a denied writeText, so execCommand must fail as well.
        await makeExecCommandFail(page.context(), 'return-false');
      },
    });
  });

  afterAll(async () => {
    await opened?.context.close();
  });

  it.each(auditStates.map((state) => [state.name, state] as const))(
    '%s has no violations',
    async (_name, state) => {
      const { page, messages } = opened;
      messages.length = 0;
      await showState(opened, state);

      if (state.copy !== undefined) {
        const expected = state.copy === 'failed' ? /^Copy failed/ : /^Copied$/;
        await expect(page.locator(slot.copyStatus).textContent()).resolves.toMatch(expected);
      }
      if (state.name.startsWith('invalid')) {
        await expect(page.locator(slot.error).count()).resolves.toBe(1);
      }
      await expectNoViolations(page);
      expect(unexpectedMessages(messages)).toEqual([]);
    },
  );
});

describe('roles and names', () => {
  it('controls expose their roles, names and states', async () => {
    const { context, page } = await openFixture(chromium.browser);
    try {
      await renderPanel(page, { props: workloadProps });

      const languages = page.getByRole('radiogroup', { name: 'Language' });
      await expect(languages.count()).resolves.toBe(1);
      await expect(
        languages.getByRole('radio', { name: 'Python', checked: true }).count(),
      ).resolves.toBe(1);
      await expect(
        languages.getByRole('radio', { name: 'cURL', checked: false }).count(),
      ).resolves.toBe(1);
      await expect(
        page.getByRole('switch', { name: 'Show secrets', checked: false }).count(),
      ).resolves.toBe(1);
      await expect(
        page.getByRole('button', { name: 'Copy script to clipboard', exact: true }).count(),
      ).resolves.toBe(1);
      await expect(page.getByRole('region', { name: 'GET request' }).count()).resolves.toBe(1);
      await expect(page.getByRole('region', { name: 'POST request' }).count()).resolves.toBe(1);
      await expect(page.getByRole('status').count()).resolves.toBe(1);
    } finally {
      await context.close();
    }
  });

  it('copy icon is hidden from the accessibility tree', async () => {
    const { context, page } = await openFixture(chromium.browser);
    try {
      await renderPanel(page, { props: workloadProps });
      const snapshot = await page.locator(slot.copyButton).ariaSnapshot();

      expect(snapshot).toBe('- button "Copy script to clipboard"');
    } finally {
      await context.close();
    }
  });

  it('status region is a polite live region', async () => {
    const { context, page } = await openFixture(chromium.browser);
    try {
      await renderPanel(page, { props: workloadProps });
      const session = await context.newCDPSession(page);
      const { nodes } = await session.send('Accessibility.getFullAXTree');
      await session.detach();

      const status = nodes.find((node) => node.role?.value === 'status');
      const live = status?.properties?.find((property) => property.name === 'live');
      expect(status).toBeDefined();
      expect(live?.value.value).toBe('polite');
    } finally {
      await context.close();
    }
  });

  it('invalid props message is an alert', async () => {
    const { context, page } = await openFixture(chromium.browser);
    try {
      const invalid = invalidPropCases[0];
      if (invalid === undefined) throw new Error('invalidPropCases is empty.');
      await renderPanel(page, { props: invalid.props });
      const alert = page.getByRole('alert');

      await expect(alert.count()).resolves.toBe(1);
      await expect(alert.textContent()).resolves.toContain('The example code cannot be shown.');
      await expect(
        page.getByRole('button', { name: 'Copy script to clipboard' }).isDisabled(),
      ).resolves.toBe(true);
    } finally {
      await context.close();
    }
  });
});
