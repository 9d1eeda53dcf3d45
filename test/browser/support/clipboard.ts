import type { Browser, BrowserContext, CDPSession, Page } from 'playwright';
import { fixtureUrl } from './chromium';

/** Text a test writes to the clipboard first, so that a stale clipboard cannot pass a check. */
export const clipboardSentinel = 'clipboard sentinel written by the test';

/** Grants clipboard-read and clipboard-write to the fixture's secure origin in `context`. */
export async function grantClipboard(context: BrowserContext): Promise<void> {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(fixtureUrl('secure')).origin,
  });
}

const permissionSessions = new WeakMap<Page, CDPSession>();

/**
 * Sets clipboard-write for the fixture's secure origin in the context of `page`. When denied,
 * `navigator.clipboard.writeText` rejects with NotAllowedError. Playwright can only grant
 * permissions, so this goes through the Chrome DevTools Protocol. The session stays attached
 * until the page closes, because Chromium drops the override when the session detaches.
 */
export async function setClipboardWrite(page: Page, setting: 'granted' | 'denied'): Promise<void> {
  let session = permissionSessions.get(page);
  if (session === undefined) {
    session = await page.context().newCDPSession(page);
    permissionSessions.set(page, session);
  }

  const { targetInfo } = await session.send('Target.getTargetInfo');
  if (targetInfo.browserContextId === undefined) {
    throw new Error(`Target.getTargetInfo returned no browserContextId for ${page.url()}.`);
  }
  await session.send('Browser.setPermission', {
    permission: { name: 'clipboard-write' },
    setting,
    origin: new URL(fixtureUrl('secure')).origin,
    browserContextId: targetInfo.browserContextId,
  });
}

/**
 * Makes `document.execCommand` fail in every page of `context`, as in a browser that does not let
 * the page copy: it returns false, or throws when `mode` is 'throw'.
 */
export async function makeExecCommandFail(
  context: BrowserContext,
  mode: 'return-false' | 'throw',
): Promise<void> {
  await context.addInitScript((failure) => {
    document.execCommand = () => {
      if (failure === 'throw')
        throw new DOMException('execCommand is disabled by the test.', 'NotAllowedError');
      return false;
    };
  }, mode);
}

/**
 * Reads and writes the clipboard from a page on the secure origin in a context of its own.
 * Headless Chromium keeps one clipboard per browser process, so this reads what any context
 * copied, including one on the insecure origin.
 */
export class ClipboardReader {
  private constructor(
    private readonly context: BrowserContext,
    private readonly page: Page,
  ) {}

  static async open(browser: Browser): Promise<ClipboardReader> {
    const context = await browser.newContext();
    await grantClipboard(context);
    const page = await context.newPage();
    await page.goto(fixtureUrl('secure'));
    return new ClipboardReader(context, page);
  }

  async read(): Promise<string> {
    await this.page.bringToFront();
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  async write(text: string): Promise<void> {
    await this.page.bringToFront();
    await this.page.evaluate((value) => navigator.clipboard.writeText(value), text);
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
