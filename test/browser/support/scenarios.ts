import type { Page } from 'playwright';
import type { SerializablePanelProps } from '../fixture/fixture-api';

/**
 * A made-up API token. No 8 of its characters in a row occur anywhere else on the page, so that
 * finding any such run means the token leaked.
 */
export const token = 'tok_7Hq2Zx9Lm4Vt8Rw3Np6Ky1Bd5Gs0Jc';

const endpoint = 'https://app.example.com/api/v2/endpoints/workloads/65f1c2a9e4b0d3a1f2c3d4e5/';

/** A deployed Workload with a token and a chat payload. */
export const workloadProps: SerializablePanelProps = {
  endpoint,
  path: 'v1/chat/completions',
  token,
  payload: {
    model: 'example-chat-model',
    messages: [{ role: 'user', content: 'My parcel is two days late. What can I do?' }],
    temperature: 0.2,
  },
};

/** A Workload whose path, header and token are far wider than a 1280 px screen. */
export const longValueProps: SerializablePanelProps = {
  endpoint,
  path: `v1/${'very-long-path-segment-'.repeat(12)}end?${'query=value&'.repeat(10)}last=1`,
  headers: { 'X-Request-Context': `ctx-${'0123456789abcdef'.repeat(16)}` },
  token: `tok_${'Ab3Cd5Ef7Gh9Jk2Lm4Np6Qr8St'.repeat(8)}`,
  defaultShowSecrets: true,
  payload: { input: 'x'.repeat(400) },
};

/** Props the panel rejects, one per field, with the field the error names. */
export const invalidPropCases: readonly { field: string; props: SerializablePanelProps }[] = [
  { field: 'baseUrl', props: { workloadId: '65f1c2a9e4b0d3a1f2c3d4e5', token } },
  { field: 'endpoint', props: { endpoint: 'ftp://app.example.com/models/', token } },
  { field: 'token', props: { endpoint, token: 'tok_first half\ntok_second half' } },
  { field: 'headers', props: { endpoint, token, headers: { 'Bad Header': 'value' } } },
  { field: 'payload', props: { endpoint, token, payload: '{"input": "Hello",}' } },
  { field: 'path', props: { endpoint, token, path: 'v1/../admin' } },
];

/** Selectors of the panel's parts. */
export const slot = {
  panel: '[data-slot="inference-panel"]',
  codeBlock: '[data-slot="code-block"]',
  copyButton: '[data-slot="copy-button"]',
  copyStatus: '[data-slot="copy-status"]',
  secretsSwitch: '[data-slot="secrets-switch"]',
  languageOption: '[data-slot="language-option"]',
  error: '[data-slot="error"]',
} as const;

/**
 * Returns the text the copy button should copy: the GET block, a blank line, then the POST
 * block, as the panel shows them.
 */
export async function shownCode(page: Page): Promise<string> {
  const blocks = await page.locator(slot.codeBlock).allTextContents();
  if (blocks.length !== 2) throw new Error(`Expected 2 code blocks, found ${blocks.length}.`);
  return blocks.join('\n\n');
}

/**
 * Starts recording every text the copy status shows, in `window.copyStatusHistory`, so that a
 * test can read a message even after the panel has cleared it.
 */
export async function recordCopyStatus(page: Page): Promise<void> {
  await page.evaluate((selector) => {
    const status = document.querySelector(selector);
    if (status === null) throw new Error(`No element matches ${selector}.`);

    const history: string[] = [];
    (window as unknown as { copyStatusHistory: string[] }).copyStatusHistory = history;
    new MutationObserver(() => history.push(status.textContent ?? '')).observe(status, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  }, slot.copyStatus);
}

export async function copyStatusHistory(page: Page): Promise<string[]> {
  return page.evaluate(
    () => (window as unknown as { copyStatusHistory: string[] }).copyStatusHistory,
  );
}

/** Waits until the copy status has shown a non-empty message and returns the first one. */
export async function firstCopyMessage(page: Page): Promise<string> {
  const handle = await page.waitForFunction(() =>
    (window as unknown as { copyStatusHistory: string[] }).copyStatusHistory.find(
      (text) => text !== '',
    ),
  );
  return (await handle.jsonValue()) as string;
}
