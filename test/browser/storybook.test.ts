/*
 * Builds Storybook from .storybook/ and stories/ into a temporary directory, serves it on
 * 127.0.0.1 and loads every story from the build's index.json in Chromium. A story fails when it
 * logs a console error, throws, or Storybook shows its error display for it.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRecordedPage, type RunningChromium, startChromium } from './support/chromium';
import { runCommandOrThrow } from './support/process';
import { type StaticServer, startStaticServer } from './support/static-server';

interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
}

const projectRoot = process.cwd();
const outputDir = await mkdtemp(join(tmpdir(), 'inference-panel-storybook-'));

// The build runs while the file is collected, so that each story becomes a test of its own.
await runCommandOrThrow(
  process.execPath,
  [
    join(projectRoot, 'node_modules/storybook/dist/bin/dispatcher.js'),
    'build',
    '--disable-telemetry',
    '--quiet',
    '--output-dir',
    join(outputDir, 'site'),
  ],
  {
    cwd: projectRoot,
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
    timeoutMs: 240_000,
  },
);

const index = JSON.parse(await readFile(join(outputDir, 'site', 'index.json'), 'utf8')) as {
  entries: Record<string, IndexEntry>;
};
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');

let chromium: RunningChromium;
let server: StaticServer;

beforeAll(async () => {
  server = await startStaticServer(join(outputDir, 'site'));
  chromium = await startChromium();
});

afterAll(async () => {
  await chromium?.stop();
  await server?.close();
  await rm(outputDir, { recursive: true, force: true });
});

describe('Storybook build', () => {
  it('index lists stories', () => {
    expect(stories.length).toBeGreaterThan(0);
  });

  it.each(stories.map((story) => [story.id, story] as const))(
    '%s renders without errors',
    async (_id, story) => {
      const { context, page, messages, blockedRequests } = await openRecordedPage(
        chromium.browser,
        { viewport: { width: 1280, height: 900 } },
      );

      try {
        const url = new URL('iframe.html', `${server.origin}/`);
        url.searchParams.set('id', story.id);
        url.searchParams.set('viewMode', 'story');
        await page.goto(url.href);

        // Storybook sets a story's render phase to "finished" after its play function and
        // afterEach hooks, or to "errored" or "aborted".
        const phaseHandle = await page.waitForFunction(
          (storyId) => {
            const preview = (
              window as unknown as {
                __STORYBOOK_PREVIEW__?: { storyRenders?: { id: string; phase?: string }[] };
              }
            ).__STORYBOOK_PREVIEW__;
            const phase = preview?.storyRenders?.find((render) => render.id === storyId)?.phase;
            return phase === 'finished' || phase === 'errored' || phase === 'aborted'
              ? phase
              : false;
          },
          story.id,
          { timeout: 30_000 },
        );
        const phase = await phaseHandle.jsonValue();
        const errorDisplayShown = await page.evaluate(() =>
          document.body.classList.contains('sb-show-errordisplay'),
        );
        const errors = messages.filter(
          (message) => message.kind === 'pageerror' || message.type === 'error',
        );

        expect(phase).toBe('finished');
        expect(errorDisplayShown).toBe(false);
        expect(errors).toEqual([]);
        expect(blockedRequests).toEqual([]);
        await expect(
          page.locator('[data-slot="inference-panel"]').count(),
        ).resolves.toBeGreaterThan(0);
      } finally {
        await context.close();
      }
    },
  );
});
