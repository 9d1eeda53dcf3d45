import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type BrowserServer,
  chromium,
  type Page,
} from 'playwright';
import { inject } from 'vitest';
import type { FixtureOptions } from '../fixture/fixture-api';

/** Debian's Chromium. The tests never download a browser. */
export const chromiumPath = '/usr/bin/chromium';

/** Flags that keep Chromium from contacting any host but the test servers. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A host name that Chromium resolves to 127.0.0.1, so that pages load from an insecure origin. */
export const insecureHost = 'wl.test';

/** A running Chromium and the connection to it. */
export interface RunningChromium {
  readonly browser: Browser;
  /** Closes the connection, then stops the Chromium process by its id if it is still running. */
  stop(): Promise<void>;
}

/**
 * Starts Chromium headless with {@link chromiumArgs}, plus a host resolver rule that maps
 * {@link insecureHost} to 127.0.0.1. Playwright talks to it over a WebSocket on 127.0.0.1, so
 * that the test has the process id and can stop the process itself.
 */
export async function startChromium(): Promise<RunningChromium> {
  const server: BrowserServer = await chromium.launchServer({
    executablePath: chromiumPath,
    args: [...chromiumArgs, `--host-resolver-rules=MAP ${insecureHost} 127.0.0.1`],
    host: '127.0.0.1',
    port: 0,
  });
  const pid = server.process().pid;
  const browser = await chromium.connect(server.wsEndpoint()).catch(async (error: unknown) => {
    await server.close();
    throw error;
  });

  return {
    browser,
    async stop() {
      await browser.close().catch(() => undefined);
      await server.close().catch(() => undefined);
      if (pid !== undefined && isRunning(pid)) process.kill(pid, 'SIGKILL');
    },
  };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A console message or an uncaught error that a page reported. */
export interface PageMessage {
  readonly kind: 'console' | 'pageerror';
  /** The console method (`log`, `warning`, `error` …), or `pageerror`. */
  readonly type: string;
  readonly text: string;
}

/** A page and everything it has reported so far. */
export interface PanelPage {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly messages: PageMessage[];
  /** URLs of requests to hosts other than the test server, which the context aborted. */
  readonly blockedRequests: string[];
}

/** Where the fixture page is served: the secure 127.0.0.1 origin or the insecure host name. */
export type FixtureOrigin = 'secure' | 'insecure';

export function fixtureUrl(origin: FixtureOrigin = 'secure'): string {
  const url = new URL(inject('fixtureOrigin'));
  if (origin === 'insecure') url.hostname = insecureHost;
  return url.href;
}

/** Aborts every request of `context` that leaves 127.0.0.1, and records its URL. */
export async function keepRequestsLocal(context: BrowserContext, blockedRequests: string[]) {
  await context.route(
    (url) => url.hostname !== '127.0.0.1' && url.hostname !== insecureHost,
    (route) => {
      blockedRequests.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
}

/**
 * Opens a page in a new context that aborts requests leaving 127.0.0.1 and records the page's
 * console messages and uncaught errors, including unhandled promise rejections.
 */
export async function openRecordedPage(
  browser: Browser,
  contextOptions: BrowserContextOptions = {},
): Promise<PanelPage> {
  const context = await browser.newContext(contextOptions);
  const blockedRequests: string[] = [];
  await keepRequestsLocal(context, blockedRequests);

  const page = await context.newPage();
  const messages: PageMessage[] = [];
  page.on('console', (message) => {
    messages.push({ kind: 'console', type: message.type(), text: message.text() });
  });
  page.on('pageerror', (error) => {
    messages.push({
      kind: 'pageerror',
      type: 'pageerror',
      text: `${error.name}: ${error.message}`,
    });
  });
  return { context, page, messages, blockedRequests };
}

/**
 * Opens the fixture page with {@link openRecordedPage}. `prepare` runs on the new page before it
 * loads the fixture, for init scripts and permissions.
 */
export async function openFixture(
  browser: Browser,
  options: {
    origin?: FixtureOrigin;
    context?: BrowserContextOptions;
    prepare?: (page: Page) => Promise<void>;
  } = {},
): Promise<PanelPage> {
  const opened = await openRecordedPage(browser, {
    viewport: { width: 1280, height: 900 },
    ...options.context,
  });
  await options.prepare?.(opened.page);

  await opened.page.goto(fixtureUrl(options.origin));
  await opened.page.waitForSelector('html[data-fixture-ready="true"]');
  return opened;
}

/** Renders the panel on the fixture page and waits until it is in the DOM. */
export async function renderPanel(page: Page, options: FixtureOptions): Promise<void> {
  // JSON text keeps Playwright's deep Serializable type out of the payload type.
  await page.evaluate(
    (json) => window.inferencePanelFixture.render(JSON.parse(json) as FixtureOptions),
    JSON.stringify(options),
  );
  await page.waitForSelector('[data-slot="inference-panel"]');
}

/**
 * Returns the messages other than the hint to install React DevTools, which React's development
 * build logs on every page.
 */
export function unexpectedMessages(messages: readonly PageMessage[]): PageMessage[] {
  return messages.filter(
    (message) =>
      !(
        message.kind === 'console' &&
        message.type === 'info' &&
        /React DevTools/.test(message.text)
      ),
  );
}
