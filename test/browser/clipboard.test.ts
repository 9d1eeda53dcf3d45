import type { Page } from 'playwright';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateSnippet, type LanguageId } from '../../src';
import {
  openFixture,
  type PanelPage,
  type RunningChromium,
  renderPanel,
  startChromium,
  unexpectedMessages,
} from './support/chromium';
import {
  ClipboardReader,
  clipboardSentinel,
  grantClipboard,
  makeExecCommandFail,
  setClipboardWrite,
} from './support/clipboard';
import {
  copyStatusHistory,
  firstCopyMessage,
  recordCopyStatus,
  shownCode,
  slot,
  token,
  workloadProps,
} from './support/scenarios';

const copyFailedMessage =
  'Copy failed. The code is selected: press Ctrl+C, or ⌘C on a Mac, to copy it.';

let chromium: RunningChromium;
let reader: ClipboardReader;
const openPages: PanelPage[] = [];

beforeAll(async () => {
  chromium = await startChromium();
  reader = await ClipboardReader.open(chromium.browser);
});

afterEach(async () => {
  for (const opened of openPages.splice(0)) await opened.context.close();
});

afterAll(async () => {
  await reader?.close();
  await chromium?.stop();
});

async function open(options: Parameters<typeof openFixture>[1] = {}): Promise<PanelPage> {
  const opened = await openFixture(chromium.browser, options);
  openPages.push(opened);
  return opened;
}

/** Clicks the copy button and returns the first message the status shows. */
async function copyWithClick(page: Page): Promise<string> {
  await recordCopyStatus(page);
  await page.locator(slot.copyButton).click();
  return firstCopyMessage(page);
}

/** The text the copy button should copy, from the snippet generator rather than the DOM. */
function expectedCopy(language: LanguageId, showSecrets: boolean): string {
  const { endpoint, path, payload } = workloadProps;
  const request = { endpoint, path, payload, token };
  const get = generateSnippet({ ...request, method: 'GET' }, language, { showSecrets });
  const post = generateSnippet({ ...request, method: 'POST' }, language, { showSecrets });
  return `${get}\n\n${post}`;
}

describe('Clipboard API with permission', () => {
  it.each([
    ['python', 'masked', false],
    ['python', 'revealed', true],
    ['curl', 'masked', false],
    ['curl', 'revealed', true],
  ] as const)('copies %s code with the token %s', async (language, _state, showSecrets) => {
    const { page, messages, blockedRequests } = await open({
      prepare: (newPage) => grantClipboard(newPage.context()),
    });
    await renderPanel(page, {
      props: { ...workloadProps, defaultLanguage: language, defaultShowSecrets: showSecrets },
    });
    await page.evaluate((text) => navigator.clipboard.writeText(text), clipboardSentinel);

    await expect(copyWithClick(page)).resolves.toBe('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());

    expect(copied).toBe(await shownCode(page));
    expect(copied).toBe(expectedCopy(language, showSecrets));
    if (showSecrets) expect(copied).toContain(token);
    else expect(copied).not.toContain(token);
    expect(unexpectedMessages(messages)).toEqual([]);
    expect(blockedRequests).toEqual([]);
  });

  it('copies the code shown after a language switch', async () => {
    const { page } = await open({ prepare: (newPage) => grantClipboard(newPage.context()) });
    await renderPanel(page, { props: workloadProps });
    await page.getByRole('radio', { name: 'cURL' }).click();
    await page.getByRole('switch', { name: 'Show secrets' }).click();

    await expect(copyWithClick(page)).resolves.toBe('Copied');
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(
      expectedCopy('curl', true),
    );
  });
});

describe('writeText rejected', () => {
  it('textarea fallback copies the code', async () => {
    const { page, messages } = await open({
      prepare: (newPage) => setClipboardWrite(newPage, 'denied'),
    });
    await renderPanel(page, { props: workloadProps });
    const writeText = await page.evaluate(() =>
      navigator.clipboard.writeText('probe').then(
        () => 'resolved',
        (error: DOMException) => error.name,
      ),
    );
    expect(writeText).toBe('NotAllowedError');
    await reader.write(clipboardSentinel);
    await page.bringToFront();

    await expect(copyWithClick(page)).resolves.toBe('Copied');
    await expect(reader.read()).resolves.toBe(expectedCopy('python', false));
    await expect(page.locator('textarea').count()).resolves.toBe(0);
    expect(unexpectedMessages(messages)).toEqual([]);
  });

  it.each(['return-false', 'throw'] as const)(
    'failure with execCommand %s selects the code',
    async (failure) => {
      const { page, messages } = await open({
        prepare: async (newPage) => {
          await setClipboardWrite(newPage, 'denied');
          await makeExecCommandFail(newPage.context(), failure);
        },
      });
      await renderPanel(page, { props: workloadProps });

      await expect(copyWithClick(page)).resolves.toBe(copyFailedMessage);
      const selection = await page.evaluate(() => {
        const current = document.getSelection();
        const range = current?.rangeCount === 1 ? current.getRangeAt(0) : undefined;
        const code = document.querySelector('[data-slot="code"]');
        return {
          text: current?.toString(),
          coversCode: range !== undefined && code !== null && range.intersectsNode(code),
        };
      });

      expect(selection.coversCode).toBe(true);
      expect(selection.text).toContain(await page.locator(slot.codeBlock).first().textContent());
      expect(selection.text).toContain(await page.locator(slot.codeBlock).last().textContent());
      expect(selection.text).not.toContain('GET request');
      await expect(page.locator(slot.copyButton).getAttribute('data-state')).resolves.toBe(
        'failed',
      );
      await expect(copyStatusHistory(page)).resolves.not.toContain('Copied');
      expect(unexpectedMessages(messages)).toEqual([]);
    },
  );
});

describe('insecure context', () => {
  it('textarea fallback copies the code', async () => {
    const { page, messages, blockedRequests } = await open({ origin: 'insecure' });
    await renderPanel(page, { props: { ...workloadProps, defaultShowSecrets: true } });
    await expect(
      page.evaluate(() => [window.isSecureContext, typeof navigator.clipboard]),
    ).resolves.toEqual([false, 'undefined']);
    await reader.write(clipboardSentinel);
    await page.bringToFront();

    await expect(copyWithClick(page)).resolves.toBe('Copied');
    await expect(reader.read()).resolves.toBe(expectedCopy('python', true));
    await expect(page.locator('textarea').count()).resolves.toBe(0);
    expect(unexpectedMessages(messages)).toEqual([]);
    expect(blockedRequests).toEqual([]);
  });

  it('failure shows the message, never Copied', async () => {
    const { page, messages } = await open({
      origin: 'insecure',
      prepare: (newPage) => makeExecCommandFail(newPage.context(), 'return-false'),
    });
    await renderPanel(page, { props: workloadProps });

    await expect(copyWithClick(page)).resolves.toBe(copyFailedMessage);
    await expect(copyStatusHistory(page)).resolves.not.toContain('Copied');
    await expect(page.evaluate(() => document.getSelection()?.toString())).resolves.toContain(
      'import requests',
    );
    expect(unexpectedMessages(messages)).toEqual([]);
  });
});
