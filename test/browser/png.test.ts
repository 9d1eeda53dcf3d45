import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  keepRequestsLocal,
  openFixture,
  type RunningChromium,
  renderPanel,
  startChromium,
} from './support/chromium';
import { compareImages, decodePng, encodePng, type RgbaImage } from './support/png';
import { workloadProps } from './support/scenarios';
import { baselineDir, defaultTolerance } from './support/screenshots';

let chromium: RunningChromium;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  chromium = await startChromium();
  context = await chromium.browser.newContext();
  await keepRequestsLocal(context, []);
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await chromium?.stop();
});

/**
 * Returns a copy of the image in which every partly covered pixel of a glyph, one neither near
 * black nor near white, is `change` lighter or darker in a checkerboard pattern, as another
 * rasteriser might shade the anti-aliased edges.
 */
function addEdgeNoise(image: RgbaImage, change: number): Uint8Array {
  const noisy = new Uint8Array(image.data);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const offset = (y * image.width + x) * 4;
      const red = image.data[offset] as number;
      if (red < 48 || red > 207) continue;

      const signedChange = (x + y) % 2 === 0 ? change : -change;
      for (let channel = 0; channel < 3; channel++) {
        noisy[offset + channel] = (image.data[offset + channel] as number) + signedChange;
      }
    }
  }
  return noisy;
}

/** Counts the pixels whose colour differs at all, with no allowance. */
function rawDifferentPixels(first: RgbaImage, second: RgbaImage): number {
  let count = 0;
  for (let offset = 0; offset < first.data.length; offset += 4) {
    const same = [0, 1, 2, 3].every(
      (channel) => first.data[offset + channel] === second.data[offset + channel],
    );
    if (!same) count++;
  }
  return count;
}

function pixelAt(image: RgbaImage, x: number, y: number): number[] {
  const offset = (y * image.width + x) * 4;
  return [...image.data.subarray(offset, offset + 4)];
}

/** Screenshots a 200×40 box with `text` drawn `left` px from its edge. */
async function textScreenshot(text: string, left: number): Promise<RgbaImage> {
  await page.setContent(
    `<div id="box" style="width:200px;height:40px;background:#fff;position:relative;font:16px 'DejaVu Sans'"><span style="position:absolute;left:${left}px;top:10px">${text}</span></div>`,
  );
  return decodePng(await page.locator('#box').screenshot());
}

describe('PNG decoder', () => {
  it('decodes the colours of a Chromium screenshot', async () => {
    await page.setContent(
      '<div id="box" style="display:grid;grid-template-columns:repeat(4,25px);width:100px;height:30px">' +
        '<i style="background:rgb(255,0,0)"></i><i style="background:rgb(0,128,0)"></i>' +
        '<i style="background:rgb(0,0,255)"></i><i style="background:rgb(18,52,86)"></i></div>',
    );
    const image = decodePng(await page.locator('#box').screenshot());

    expect([image.width, image.height]).toEqual([100, 30]);
    expect(pixelAt(image, 12, 15)).toEqual([255, 0, 0, 255]);
    expect(pixelAt(image, 37, 15)).toEqual([0, 128, 0, 255]);
    expect(pixelAt(image, 62, 15)).toEqual([0, 0, 255, 255]);
    expect(pixelAt(image, 87, 29)).toEqual([18, 52, 86, 255]);
  });

  it('reads back what the encoder wrote', () => {
    const data = new Uint8Array(3 * 2 * 4).map((_, index) => (index * 37) % 256);
    const image = { width: 3, height: 2, data };

    expect(decodePng(encodePng(image))).toEqual(image);
  });

  it('rejects a file that is not a PNG', () => {
    expect(() => decodePng(new TextEncoder().encode('not a png'))).toThrow('wrong signature');
  });
});

describe('image comparison', () => {
  it('identical screenshots have no difference', async () => {
    const first = await textScreenshot('Copy script', 10);
    const second = await textScreenshot('Copy script', 10);

    expect(compareImages(first, second, defaultTolerance.channelThreshold).differentPixels).toBe(0);
  });

  it('shading noise below the channel threshold is ignored', async () => {
    const expected = await textScreenshot('Copy script to clipboard', 10);
    const noisy = {
      ...expected,
      data: addEdgeNoise(expected, defaultTolerance.channelThreshold - 4),
    };

    expect(rawDifferentPixels(expected, noisy)).toBeGreaterThan(0);
    expect(compareImages(expected, noisy, defaultTolerance.channelThreshold).differentPixels).toBe(
      0,
    );
  });

  it('one-pixel text shift is within the tolerance', async () => {
    const expected = await textScreenshot('Copy script to clipboard', 10);
    const shifted = await textScreenshot('Copy script to clipboard', 11);
    const tolerant = compareImages(expected, shifted, defaultTolerance.channelThreshold);

    // The shift does change pixels, so the neighbourhood allowance is what absorbs it.
    expect(
      rawDifferentPixels(expected, shifted) / (expected.width * expected.height),
    ).toBeGreaterThan(defaultTolerance.maxDifferentRatio);
    expect(tolerant.ratio).toBeLessThanOrEqual(defaultTolerance.maxDifferentRatio);
  });

  it('changed text is beyond the tolerance', async () => {
    const expected = await textScreenshot('Copy script', 10);
    const changed = await textScreenshot('Copy failed', 10);

    expect(
      compareImages(expected, changed, defaultTolerance.channelThreshold).ratio,
    ).toBeGreaterThan(defaultTolerance.maxDifferentRatio);
  });

  it('changed border colour is beyond the tolerance', async () => {
    const baseline = decodePng(await readFile(join(baselineDir, 'python-masked-1280-light.png')));
    const panelPage = await openFixture(chromium.browser, { context: { colorScheme: 'light' } });
    try {
      await renderPanel(panelPage.page, { props: { ...workloadProps, className: 'red-borders' } });
      await panelPage.page.addStyleTag({
        content: '.red-borders { --inference-panel-border: rgb(255, 0, 0); }',
      });
      const screenshot = await panelPage.page
        .locator('[data-slot="inference-panel"]')
        .screenshot({ animations: 'disabled', caret: 'hide' });
      const comparison = compareImages(
        baseline,
        decodePng(screenshot),
        defaultTolerance.channelThreshold,
      );

      expect(comparison.ratio).toBeGreaterThan(defaultTolerance.maxDifferentRatio);
    } finally {
      await panelPage.context.close();
    }
  });
});
