import type { Page } from 'playwright';
import { decodePng } from './png';

/**
 * Describes the focused element as `role "name"`, with the role from the role attribute or the
 * tag and the name from aria-label, aria-labelledby, a label element or the text. This covers
 * the panel's controls and is no general accessible-name computation.
 */
export async function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (element === null || element === document.body) return 'body';

    const implicitRoles: Record<string, string> = { BUTTON: 'button', TEXTAREA: 'textbox' };
    const role =
      element.getAttribute('role') ??
      implicitRoles[element.tagName] ??
      element.tagName.toLowerCase();
    const labelledBy = element.getAttribute('aria-labelledby');
    const label =
      element.id === '' ? null : document.querySelector(`label[for="${CSS.escape(element.id)}"]`);
    const name =
      element.getAttribute('aria-label') ??
      (labelledBy === null ? undefined : document.getElementById(labelledBy)?.textContent) ??
      label?.textContent ??
      element.textContent;
    return `${role} "${(name ?? '').trim()}"`;
  });
}

/** The focused element's focus styles. */
export interface FocusStyle {
  focusVisible: boolean;
  outlineStyle: string;
  outlineWidth: string;
  outlineColor: string;
  outlineOffset: string;
}

export async function focusStyle(page: Page): Promise<FocusStyle> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const style = getComputedStyle(element);
    return {
      focusVisible: element.matches(':focus-visible'),
      outlineStyle: style.outlineStyle,
      outlineWidth: style.outlineWidth,
      outlineColor: style.outlineColor,
      outlineOffset: style.outlineOffset,
    };
  });
}

/** For each side of the focused element, the share (0 to 1) of its outline that is painted. */
export interface PaintedOutline {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * Measures how much of the focused element's outline reaches the screen, from a screenshot.
 * On each side it takes the middle half and, at each pixel along it, scans inward from outside
 * the outline to the border box, or past it by the border radius, where a rounded outline bends
 * inward. A pixel within 48 per channel of `ringColour`, an `rgb(r, g, b)` string, counts as
 * painted. A parent with `overflow: hidden`, or an element painted over the ring, lowers the share.
 */
export async function measurePaintedOutline(
  page: Page,
  ringColour: string,
): Promise<PaintedOutline> {
  const geometry = await page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const rect = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    const radii = [
      style.borderTopLeftRadius,
      style.borderTopRightRadius,
      style.borderBottomLeftRadius,
      style.borderBottomRightRadius,
    ].map((radius) => Number.parseFloat(radius) || 0);
    return {
      x: rect.left + window.scrollX,
      y: rect.top + window.scrollY,
      width: rect.width,
      height: rect.height,
      outlineReach: Number.parseFloat(style.outlineOffset) + Number.parseFloat(style.outlineWidth),
      radius: Math.min(Math.max(...radii), rect.width / 2, rect.height / 2),
    };
  });
  const ring = ringColour.match(/\d+/g)?.map(Number);
  if (ring === undefined || ring.length < 3) throw new Error(`Invalid ring colour ${ringColour}.`);

  const margin = Math.ceil(geometry.outlineReach) + 2;
  const clip = {
    x: Math.floor(geometry.x - margin),
    y: Math.floor(geometry.y - margin),
    width: Math.ceil(geometry.width + 2 * margin),
    height: Math.ceil(geometry.height + 2 * margin),
  };
  const image = decodePng(await page.screenshot({ clip, fullPage: true, animations: 'disabled' }));

  const isRing = (x: number, y: number) => {
    const offset = (y * image.width + x) * 4;
    return [0, 1, 2].every(
      (channel) =>
        Math.abs((image.data[offset + channel] as number) - (ring[channel] as number)) <= 48,
    );
  };
  const middle = (length: number) => {
    const start = Math.round(length / 4);
    return Array.from({ length: Math.max(Math.round(length / 2), 1) }, (_, index) => start + index);
  };

  // Positions inside the clip: the border box spans [boxLeft, boxRight) and [boxTop, boxBottom).
  const boxLeft = Math.round(geometry.x - clip.x);
  const boxTop = Math.round(geometry.y - clip.y);
  const boxRight = Math.round(geometry.x + geometry.width - clip.x);
  const boxBottom = Math.round(geometry.y + geometry.height - clip.y);
  const bend = Math.ceil(geometry.radius);

  const scan = (points: readonly (readonly [number, number])[]) =>
    points.some(([x, y]) => isRing(x, y));
  const range = (from: number, to: number) =>
    Array.from({ length: Math.max(to - from, 0) }, (_, index) => from + index);
  const share = (hits: readonly boolean[]) =>
    hits.filter(Boolean).length / Math.max(hits.length, 1);

  const columns = middle(boxRight - boxLeft).map((offset) => boxLeft + offset);
  const rows = middle(boxBottom - boxTop).map((offset) => boxTop + offset);

  return {
    top: share(columns.map((x) => scan(range(0, boxTop + bend).map((y) => [x, y] as const)))),
    bottom: share(
      columns.map((x) => scan(range(boxBottom - bend, image.height).map((y) => [x, y] as const))),
    ),
    left: share(rows.map((y) => scan(range(0, boxLeft + bend).map((x) => [x, y] as const)))),
    right: share(
      rows.map((y) => scan(range(boxRight - bend, image.width).map((x) => [x, y] as const))),
    ),
  };
}
