// Measures mounting and clicks in Chromium on the page in bench/page, built with Vite and served
// from 127.0.0.1, against a baseline of plain <pre> blocks and a plain React button.
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright-core';
import { build as viteBuild } from 'vite';
import { makeTemporaryFolder, projectRoot, removeTemporaryFolder } from './lib/project.mjs';
import { startStaticServer } from './lib/static-server.mjs';

/** Debian's Chromium package, so that nothing downloads a browser. */
const chromiumPath = '/usr/bin/chromium';
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Runs per case, after the warm-up runs that are not counted. */
const defaultRuns = {
  warmup: 5,
  mount: { small: 40, '10 KiB': 30, '1 MiB': 8 },
  clicks: 40,
  largeClicks: 6,
};

/**
 * The elements that each mount series mounts: the panel, the same scripts in plain <pre> blocks,
 * and the parts or variants that show where the difference comes from.
 */
const mountKinds = {
  small: ['panel', 'pre', 'code-blocks', 'toolbar'],
  '10 KiB': ['panel', 'pre', 'code-blocks'],
  '1 MiB': ['panel', 'pre', 'chunked-pre'],
};

async function buildPage(outDir) {
  await viteBuild({
    configFile: false,
    root: join(projectRoot, 'bench/page'),
    base: './',
    logLevel: 'silent',
    mode: 'production',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, sourcemap: false },
  });
}

async function clickTarget(page, target) {
  const selector = await page.evaluate((name) => window.bench.armInteraction(name), target);
  const box = await page.locator(selector).boundingBox();
  if (box === null) throw new Error(`The element ${selector} for ${target} is not visible.`);

  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  return page.evaluate(() => window.bench.interactionResult());
}

/** Mounts each kind in an order that rotates from round to round and returns every series. */
async function measureMounts(page, sizeName, runs, warmup) {
  const forceLayout = sizeName !== '1 MiB';
  const kinds = mountKinds[sizeName];
  const series = Object.fromEntries(kinds.map((kind) => [kind, []]));

  for (let round = 0; round < warmup + runs; round += 1) {
    for (let step = 0; step < kinds.length; step += 1) {
      const kind = kinds[(round + step) % kinds.length];
      const result = await page.evaluate(
        ([mountKind, size, options]) => window.bench.mount(mountKind, size, options),
        [kind, sizeName, { forceLayout }],
      );
      if (round >= warmup) series[kind].push(result);
    }
  }
  await page.evaluate(() => window.bench.unmount());
  return { sizeName, forceLayout, series };
}

/** Clicks each target in turn, rotating the order from round to round. */
async function measureClicks(page, targets, runs, warmup) {
  const series = Object.fromEntries(targets.map((target) => [target, []]));

  for (let round = 0; round < warmup + runs; round += 1) {
    for (let step = 0; step < targets.length; step += 1) {
      const target = targets[(round + step) % targets.length];
      const result = await clickTarget(page, target);
      if (round >= warmup) series[target].push(result);
    }
  }
  return series;
}

async function copyAndCheck(page, sizeName) {
  await clickTarget(page, 'copy');
  const check = await page.evaluate((size) => window.bench.checkClipboard(size), sizeName);
  return { sizeName, ...check };
}

async function mountPanel(page, sizeName) {
  await page.evaluate(
    (size) => window.bench.mount('panel', size, { forceLayout: false }),
    sizeName,
  );
}

/** Builds the page, serves it, runs every measurement in Chromium and stops what it started. */
export async function runRenderBenchmark({ runs = defaultRuns, log = () => {} } = {}) {
  const folder = await makeTemporaryFolder();
  let server;
  let browser;

  try {
    log('render: building the page');
    await buildPage(folder);
    server = await startStaticServer(folder);

    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: server.origin,
    });
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    await page.goto(`${server.origin}/index.html`);
    await page.waitForFunction(() => window.bench?.ready === true);

    const mounts = [];
    for (const sizeName of ['small', '10 KiB', '1 MiB']) {
      log(`render: mounting, ${sizeName} body`);
      mounts.push(await measureMounts(page, sizeName, runs.mount[sizeName], runs.warmup));
    }

    log('render: clicks, small body');
    await page.evaluate(() => window.bench.mountBaselineButton());
    await mountPanel(page, 'small');
    const targets = ['language', 'secrets', 'copy', 'baseline'];
    const clicks = await measureClicks(page, targets, runs.clicks, runs.warmup);
    const clipboard = [await copyAndCheck(page, 'small')];

    log('render: clicks, 1 MiB body');
    await mountPanel(page, '1 MiB');
    const largeClicks = await measureClicks(page, targets, runs.largeClicks, 1);
    for (const language of ['python', 'curl']) {
      const current = await page.evaluate(
        () => document.querySelector('[data-slot="inference-panel"]').dataset.language,
      );
      if (current !== language) await clickTarget(page, 'language');
      clipboard.push(await copyAndCheck(page, '1 MiB'));
    }

    if (pageErrors.length > 0) throw pageErrors[0];
    return {
      chromiumVersion: browser.version(),
      supportsLongAnimationFrames: await page.evaluate(
        () => window.bench.supportsLongAnimationFrames,
      ),
      mounts,
      clicks,
      largeClicks,
      clipboard,
    };
  } finally {
    await browser?.close();
    await server?.stop();
    await removeTemporaryFolder(folder);
  }
}
