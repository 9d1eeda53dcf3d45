import type { Page } from 'playwright';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  openFixture,
  type PanelPage,
  type RunningChromium,
  renderPanel,
  startChromium,
  unexpectedMessages,
} from './support/chromium';
import { clipboardSentinel, grantClipboard, setClipboardWrite } from './support/clipboard';
import { describeFocus, focusStyle, measurePaintedOutline } from './support/focus';
import {
  copyStatusHistory,
  firstCopyMessage,
  recordCopyStatus,
  shownCode,
  slot,
  token,
  workloadProps,
} from './support/scenarios';

/** The panel's tab stops in order, as {@link describeFocus} writes them. */
const tabStops = [
  'radio "Python"',
  'switch "Show secrets"',
  'button "Copy script to clipboard"',
  'region "GET request"',
  'region "POST request"',
];

/** The default `--inference-panel-focus-ring` colours. */
const focusRing = { light: 'rgb(9, 105, 218)', dark: 'rgb(68, 147, 248)' } as const;

let chromium: RunningChromium;
let opened: PanelPage;
let page: Page;

beforeAll(async () => {
  chromium = await startChromium();
  opened = await openFixture(chromium.browser, {
    prepare: (newPage) => grantClipboard(newPage.context()),
  });
  page = opened.page;
});

afterAll(async () => {
  await opened?.context.close();
  await chromium?.stop();
});

beforeEach(async () => {
  opened.messages.length = 0;
  await page.emulateMedia({ colorScheme: 'light' });
  await setClipboardWrite(page, 'granted');
  await renderPanel(page, { props: workloadProps });
  // Start every test from the top of the document, as a user who has just loaded the page.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
});

async function pressTab(times: number, key = 'Tab'): Promise<string[]> {
  const stops: string[] = [];
  for (let index = 0; index < times; index++) {
    await page.keyboard.press(key);
    await settleFocus();
    stops.push(await describeFocus(page));
  }
  return stops;
}

/**
 * Waits for a timer task and a frame to pass. Radix's roving focus moves focus from a timer after
 * an arrow key, so reading the focus at once could see the item before it.
 */
async function settleFocus(): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        setTimeout(() => requestAnimationFrame(() => resolve()), 0);
      }),
  );
}

async function tabTo(description: string): Promise<void> {
  for (let index = 0; index < tabStops.length + 1; index++) {
    await page.keyboard.press('Tab');
    if ((await describeFocus(page)) === description) return;
  }
  throw new Error(`Tab never reached ${description}.`);
}

describe('tab order', () => {
  it('Tab visits every control in order', async () => {
    const stops = await pressTab(tabStops.length + 1);

    expect(stops).toEqual([...tabStops, 'body']);
  });

  it('Shift+Tab visits them in reverse', async () => {
    await pressTab(tabStops.length);
    const stops = await pressTab(tabStops.length - 1, 'Shift+Tab');

    expect(stops).toEqual(tabStops.slice(0, -1).reverse());
  });

  it('Tab enters the toggle at the checked language', async () => {
    await renderPanel(page, { props: { ...workloadProps, defaultLanguage: 'curl' } });
    const [first] = await pressTab(1);

    expect(first).toBe('radio "cURL"');
  });

  it('disabled copy button is skipped', async () => {
    await renderPanel(page, { props: { token } });
    const stops = await pressTab(3);

    expect(stops).toEqual(['radio "Python"', 'switch "Show secrets"', 'body']);
  });
});

describe('language toggle keys', () => {
  it('arrow keys move focus between languages', async () => {
    await tabTo('radio "Python"');
    const stops = await pressTab(1, 'ArrowRight');
    stops.push(...(await pressTab(1, 'ArrowRight')));
    stops.push(...(await pressTab(1, 'ArrowLeft')));
    stops.push(...(await pressTab(1, 'ArrowDown')));
    stops.push(...(await pressTab(1, 'ArrowUp')));
    stops.push(...(await pressTab(1, 'End')));
    stops.push(...(await pressTab(1, 'Home')));

    expect(stops).toEqual([
      'radio "cURL"',
      'radio "Python"',
      'radio "cURL"',
      'radio "Python"',
      'radio "cURL"',
      'radio "cURL"',
      'radio "Python"',
    ]);
  });

  it('Space and Enter select the focused language', async () => {
    await tabTo('radio "Python"');
    await page.keyboard.press('ArrowRight');
    await settleFocus();
    await page.keyboard.press('Space');
    await expect(page.locator(slot.panel).getAttribute('data-language')).resolves.toBe('curl');

    await page.keyboard.press('ArrowLeft');
    await settleFocus();
    await page.keyboard.press('Enter');
    await expect(page.locator(slot.panel).getAttribute('data-language')).resolves.toBe('python');
    await expect(describeFocus(page)).resolves.toBe('radio "Python"');
  });

  // The options have role="radio", and the WAI-ARIA radio group pattern checks the radio that
  // an arrow key focuses.
  it('arrow key checks the radio it focuses', async () => {
    await tabTo('radio "Python"');
    await page.keyboard.press('ArrowRight');
    await settleFocus();

    // The radio is checked when it receives focus, which a loaded machine may delay further.
    await expect
      .poll(() => page.getByRole('radio', { name: 'cURL' }).getAttribute('aria-checked'), {
        timeout: 5000,
      })
      .toBe('true');
    await expect(page.locator(slot.panel).getAttribute('data-language')).resolves.toBe('curl');
  });
});

describe('Show secrets switch keys', () => {
  it('Space toggles the token on and off', async () => {
    await tabTo('switch "Show secrets"');
    const secretsSwitch = page.getByRole('switch', { name: 'Show secrets' });

    await page.keyboard.press('Space');
    await expect(secretsSwitch.getAttribute('aria-checked')).resolves.toBe('true');
    await expect(shownCode(page)).resolves.toContain(token);

    await page.keyboard.press('Space');
    await expect(secretsSwitch.getAttribute('aria-checked')).resolves.toBe('false');
    await expect(shownCode(page)).resolves.not.toContain(token);
    await expect(describeFocus(page)).resolves.toBe('switch "Show secrets"');
  });
});

describe('copy button keys', () => {
  it.each(['Enter', 'Space'])('%s copies the code', async (key) => {
    await page.evaluate((text) => navigator.clipboard.writeText(text), clipboardSentinel);
    await recordCopyStatus(page);
    await tabTo('button "Copy script to clipboard"');

    await page.keyboard.press(key);
    await expect(firstCopyMessage(page)).resolves.toBe('Copied');
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(
      await shownCode(page),
    );
    await expect(describeFocus(page)).resolves.toBe('button "Copy script to clipboard"');
    await expect(focusStyle(page)).resolves.toMatchObject({ focusVisible: true });
    expect(unexpectedMessages(opened.messages)).toEqual([]);
  });

  it('focus stays on the button after the fallback copy', async () => {
    await setClipboardWrite(page, 'denied');
    await recordCopyStatus(page);
    await tabTo('button "Copy script to clipboard"');

    await page.keyboard.press('Enter');
    await expect(firstCopyMessage(page)).resolves.toBe('Copied');
    await expect(describeFocus(page)).resolves.toBe('button "Copy script to clipboard"');
    await expect(focusStyle(page)).resolves.toMatchObject({ focusVisible: true });
    await expect(page.locator('textarea').count()).resolves.toBe(0);
  });

  it('second copy is announced again', async () => {
    await recordCopyStatus(page);
    await tabTo('button "Copy script to clipboard"');

    await page.keyboard.press('Enter');
    await firstCopyMessage(page);
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () =>
        (window as unknown as { copyStatusHistory: string[] }).copyStatusHistory.filter(
          (text) => text === 'Copied',
        ).length === 2,
    );
    const history = await copyStatusHistory(page);

    // The status empties between the two messages, so that screen readers announce the second.
    expect(history.slice(history.indexOf('Copied'))).toContain('');
  });
});

describe.each(['light', 'dark'] as const)('focus ring, %s scheme', (scheme) => {
  it.each(tabStops)('%s shows the focus outline', async (stop) => {
    await page.emulateMedia({ colorScheme: scheme });
    await tabTo(stop);

    await expect(focusStyle(page)).resolves.toEqual({
      focusVisible: true,
      outlineStyle: 'solid',
      outlineWidth: '2px',
      outlineColor: focusRing[scheme],
      outlineOffset: '2px',
    });
  });

  it.each(tabStops.slice(1))('%s focus outline is painted on every side', async (stop) => {
    await page.emulateMedia({ colorScheme: scheme });
    await tabTo(stop);
    const painted = await measurePaintedOutline(page, focusRing[scheme]);

    expect(painted.top).toBeGreaterThan(0.9);
    expect(painted.right).toBeGreaterThan(0.9);
    expect(painted.bottom).toBeGreaterThan(0.9);
    expect(painted.left).toBeGreaterThan(0.9);
  });

  it('radio "Python" focus outline is painted on every side', async () => {
    await page.emulateMedia({ colorScheme: scheme });
    await tabTo('radio "Python"');
    const painted = await measurePaintedOutline(page, focusRing[scheme]);

    expect(painted.top).toBeGreaterThan(0.9);
    expect(painted.right).toBeGreaterThan(0.9);
    expect(painted.bottom).toBeGreaterThan(0.9);
    expect(painted.left).toBeGreaterThan(0.9);
  });
});
