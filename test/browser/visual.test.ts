/*
 * Screenshots of the panel's main states at 360 and 1280 px, in light and dark, compared with the
 * baselines in __screenshots__/. The baselines come from Debian's Chromium with the DejaVu and
 * Liberation fonts. Other fonts or another Chromium version will differ beyond the tolerance.
 * After an intended change of the look, run
 *
 *   UPDATE_SCREENSHOTS=1 npx vitest run --project browser test/browser/visual.test.ts
 *
 * and review the new PNGs before committing them.
 */
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureOptions } from './fixture/fixture-api';
import {
  openFixture,
  type PanelPage,
  type RunningChromium,
  renderPanel,
  startChromium,
  unexpectedMessages,
} from './support/chromium';
import { makeExecCommandFail, setClipboardWrite } from './support/clipboard';
import { inspectOverflow } from './support/layout';
import {
  firstCopyMessage,
  invalidPropCases,
  longValueProps,
  recordCopyStatus,
  slot,
  workloadProps,
} from './support/scenarios';
import { matchBaseline } from './support/screenshots';

interface VisualState {
  name: string;
  fixture: FixtureOptions;
  /** Clicks the copy button, which fails, before the screenshot. */
  copyFails?: boolean;
}

const missingBaseUrl = invalidPropCases.find((entry) => entry.field === 'baseUrl');
if (missingBaseUrl === undefined) throw new Error('invalidPropCases has no baseUrl case.');

const states: readonly VisualState[] = [
  { name: 'python-masked', fixture: { props: workloadProps } },
  {
    name: 'curl-revealed',
    fixture: { props: { ...workloadProps, defaultLanguage: 'curl', defaultShowSecrets: true } },
  },
  { name: 'invalid-props', fixture: { props: missingBaseUrl.props } },
  { name: 'copy-failed', fixture: { props: workloadProps }, copyFails: true },
  { name: 'long-values', fixture: { props: longValueProps } },
];

const widths = [360, 1280] as const;

const cases = states.flatMap((state) => widths.map((width) => [state.name, width, state] as const));

let chromium: RunningChromium;

beforeAll(async () => {
  chromium = await startChromium();
});

afterAll(async () => {
  await chromium?.stop();
});

/**
 * Shows `state` at `width`. For the failed copy, the page's clock is paused first, so that the
 * failure message, which clears itself after a few seconds, stays for the screenshot.
 */
async function showState(opened: PanelPage, state: VisualState, width: number): Promise<void> {
  const { page } = opened;
  await page.setViewportSize({ width, height: 900 });
  await renderPanel(page, state.fixture);
  await page.evaluate(() => document.fonts.ready);
  if (state.copyFails !== true) return;

  await recordCopyStatus(page);
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1000));
  await page.locator(slot.copyButton).click();
  await firstCopyMessage(page);
}

async function openStatePage(scheme: 'light' | 'dark'): Promise<PanelPage> {
  return openFixture(chromium.browser, {
    context: { colorScheme: scheme },
    prepare: async (page: Page) => {
      await page.clock.install();
      await setClipboardWrite(page, 'denied');
      await makeExecCommandFail(page.context(), 'return-false');
    },
  });
}

describe('layout', () => {
  let opened: PanelPage;

  beforeAll(async () => {
    opened = await openStatePage('light');
  });

  afterAll(async () => {
    await opened?.context.close();
  });

  it.each(cases)('%s at %i px stays inside the panel', async (_name, width, state) => {
    await showState(opened, state, width);
    const report = await inspectOverflow(opened.page);

    expect(report.outside).toEqual([]);
    expect(report.pageScrollsHorizontally).toBe(false);
    expect(report.panelOverflows).toBe(false);
    for (const block of report.scrollingBlocks) expect(block.overflowX).toBe('auto');
    if (state.copyFails === true) await opened.page.clock.resume();
  });

  it('long URL and token scroll inside the code blocks', async () => {
    await showState(opened, { name: 'long-values', fixture: { props: longValueProps } }, 360);
    const report = await inspectOverflow(opened.page);
    const captions = report.scrollingBlocks.map((block) => block.caption);

    expect(captions).toEqual(['GET request', 'POST request']);
    expect(report.panelOverflows).toBe(false);
    await expect(
      opened.page
        .locator(slot.codeBlock)
        .first()
        .evaluate((block) => {
          block.scrollLeft = block.scrollWidth;
          return block.scrollLeft > 0;
        }),
    ).resolves.toBe(true);
  });
});

describe.each(['light', 'dark'] as const)('screenshots, %s scheme', (scheme) => {
  let opened: PanelPage;

  beforeAll(async () => {
    opened = await openStatePage(scheme);
  });

  afterAll(async () => {
    await opened?.context.close();
  });

  it.each(cases)('%s at %i px matches its baseline', async (name, width, state) => {
    opened.messages.length = 0;
    await showState(opened, state, width);
    const screenshot = await opened.page
      .locator(slot.panel)
      .screenshot({ animations: 'disabled', caret: 'hide' });
    if (state.copyFails === true) await opened.page.clock.resume();
    const result = await matchBaseline(`${name}-${width}-${scheme}`, screenshot);

    expect(result.problem).toBeUndefined();
    expect(unexpectedMessages(opened.messages)).toEqual([]);
  });
});
