import type { Page } from 'playwright';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  openFixture,
  type PageMessage,
  type PanelPage,
  type RunningChromium,
  renderPanel,
  startChromium,
} from './support/chromium';
import { slot, token, workloadProps } from './support/scenarios';

/** Length of the token fragments searched for. Shorter runs could occur in the code by chance. */
const fragmentLength = 8;

/**
 * Returns every run of {@link fragmentLength} characters in `secret`, so that a token split across
 * elements is found too.
 */
function fragmentsOf(secret: string): string[] {
  const fragments = new Set<string>();
  for (let start = 0; start + fragmentLength <= secret.length; start++) {
    fragments.add(secret.slice(start, start + fragmentLength));
  }
  return [...fragments];
}

/** Where a fragment of the token was found, such as `outerHTML` or `attribute data-x`. */
interface Trace {
  place: string;
  fragment: string;
}

/**
 * Searches the page for any fragment of `secret`: the serialized DOM, every attribute, the ARIA
 * snapshot, Chromium's full accessibility tree, the selection, storage, the title and URL, and
 * the console messages and errors reported so far.
 */
async function findTraces(
  page: Page,
  messages: readonly PageMessage[],
  secret: string,
): Promise<Trace[]> {
  const fragments = fragmentsOf(secret);
  const places = await page.evaluate(() => {
    const found: [string, string][] = [['outerHTML', document.documentElement.outerHTML]];
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        found.push([
          `attribute ${attribute.name} of <${element.tagName.toLowerCase()}>`,
          attribute.value,
        ]);
      }
    }
    found.push(['selection', document.getSelection()?.toString() ?? '']);
    found.push(['localStorage', JSON.stringify({ ...localStorage })]);
    found.push(['sessionStorage', JSON.stringify({ ...sessionStorage })]);
    found.push(['cookie', document.cookie]);
    found.push(['title', document.title]);
    found.push(['URL', location.href]);
    return found;
  });

  places.push(['ARIA snapshot', await page.locator('body').ariaSnapshot()]);
  const session = await page.context().newCDPSession(page);
  try {
    const { nodes } = await session.send('Accessibility.getFullAXTree');
    places.push(['accessibility tree', JSON.stringify(nodes)]);
  } finally {
    await session.detach();
  }
  for (const message of messages) places.push([`${message.kind} ${message.type}`, message.text]);

  return places.flatMap(([place, text]) =>
    fragments
      .filter((fragment) => text.includes(fragment))
      .map((fragment) => ({ place, fragment })),
  );
}

let chromium: RunningChromium;
let opened: PanelPage;

beforeAll(async () => {
  chromium = await startChromium();
});

afterEach(async () => {
  await opened?.context.close();
});

afterAll(async () => {
  await chromium?.stop();
});

describe('hidden token', () => {
  it('leaves no trace on the page', async () => {
    opened = await openFixture(chromium.browser);
    await renderPanel(opened.page, { props: workloadProps });

    await expect(opened.page.locator(slot.codeBlock).first().textContent()).resolves.toContain(
      'Bearer *****',
    );
    await expect(findTraces(opened.page, opened.messages, token)).resolves.toEqual([]);
  });

  it('leaves no trace in cURL either', async () => {
    opened = await openFixture(chromium.browser);
    await renderPanel(opened.page, { props: { ...workloadProps, defaultLanguage: 'curl' } });

    await expect(opened.page.locator(slot.codeBlock).first().textContent()).resolves.toContain(
      'Bearer *****',
    );
    await expect(findTraces(opened.page, opened.messages, token)).resolves.toEqual([]);
  });

  it('is found once revealed', async () => {
    opened = await openFixture(chromium.browser);
    await renderPanel(opened.page, { props: workloadProps });
    await opened.page.getByRole('switch', { name: 'Show secrets' }).click();
    const places = new Set(
      (await findTraces(opened.page, opened.messages, token)).map((trace) => trace.place),
    );

    // Proves that the search finds the token where the panel shows it.
    expect(places).toContain('outerHTML');
    expect(places).toContain('ARIA snapshot');
    expect(places).toContain('accessibility tree');
  });

  it('revealing then hiding leaves no trace', async () => {
    opened = await openFixture(chromium.browser);
    await renderPanel(opened.page, { props: workloadProps });
    const secretsSwitch = opened.page.getByRole('switch', { name: 'Show secrets' });

    await secretsSwitch.click();
    await expect(opened.page.locator(slot.codeBlock).first().textContent()).resolves.toContain(
      token,
    );
    await opened.page.getByRole('radio', { name: 'cURL' }).click();
    await expect(opened.page.locator(slot.codeBlock).first().textContent()).resolves.toContain(
      token,
    );
    await secretsSwitch.click();

    await expect(secretsSwitch.getAttribute('aria-checked')).resolves.toBe('false');
    await expect(findTraces(opened.page, opened.messages, token)).resolves.toEqual([]);
  });

  it('invalid token error never quotes it', async () => {
    const [firstHalf, secondHalf] = [token.slice(0, 16), token.slice(16)];
    opened = await openFixture(chromium.browser);
    await renderPanel(opened.page, {
      props: { ...workloadProps, token: `${firstHalf} ${secondHalf}` },
    });

    await expect(opened.page.locator(slot.error).textContent()).resolves.toContain('Invalid token');
    await expect(findTraces(opened.page, opened.messages, firstHalf)).resolves.toEqual([]);
    await expect(findTraces(opened.page, opened.messages, secondHalf)).resolves.toEqual([]);
  });

  it('development warnings never quote it', async () => {
    opened = await openFixture(chromium.browser);
    const props = { ...workloadProps, language: 'java' as 'python' };
    await renderPanel(opened.page, { props });

    expect(
      opened.messages.some((message) => message.text.includes('"java" is not supported')),
    ).toBe(true);
    await expect(findTraces(opened.page, opened.messages, token)).resolves.toEqual([]);
  });
});
