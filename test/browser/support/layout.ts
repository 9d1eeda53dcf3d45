import type { Page } from 'playwright';

/** Geometry of a code block that is wider than its box. */
export interface ScrollingBlock {
  caption: string;
  scrollWidth: number;
  clientWidth: number;
  overflowX: string;
}

/** What {@link inspectOverflow} found. */
export interface OverflowReport {
  /** Elements of the panel that reach outside its border box or the viewport, described briefly. */
  outside: string[];
  /** Whether the page itself scrolls horizontally. */
  pageScrollsHorizontally: boolean;
  /** Whether the panel's own content is wider than the panel. */
  panelOverflows: boolean;
  /** Code blocks whose content is wider than the block. */
  scrollingBlocks: ScrollingBlock[];
}

/**
 * Checks that nothing in the panel reaches outside it or the viewport, allowing half a pixel of
 * rounding. Content inside a code block is left out, because a code block scrolls. The block's
 * own box is checked, and each block whose content is wider is listed with its overflow-x value.
 */
export async function inspectOverflow(page: Page): Promise<OverflowReport> {
  return page.evaluate(() => {
    const panel = document.querySelector<HTMLElement>('[data-slot="inference-panel"]');
    if (panel === null) throw new Error('The page shows no panel.');

    const bounds = panel.getBoundingClientRect();
    const viewportWidth = document.documentElement.clientWidth;
    const outside: string[] = [];

    for (const element of panel.querySelectorAll<HTMLElement | SVGElement>('*')) {
      const block = element.closest('[data-slot="code-block"]');
      if (block !== null && block !== element) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;

      const leavesPanel = rect.left < bounds.left - 0.5 || rect.right > bounds.right + 0.5;
      const leavesViewport = rect.left < -0.5 || rect.right > viewportWidth + 0.5;
      if (leavesPanel || leavesViewport) {
        const slot = element.getAttribute('data-slot') ?? element.tagName.toLowerCase();
        outside.push(
          `${slot} spans ${rect.left.toFixed(1)} to ${rect.right.toFixed(1)}, the panel ${bounds.left.toFixed(1)} to ${bounds.right.toFixed(1)}, the viewport 0 to ${viewportWidth}`,
        );
      }
    }

    const scrollingBlocks = [...panel.querySelectorAll<HTMLElement>('[data-slot="code-block"]')]
      .filter((block) => block.scrollWidth > block.clientWidth)
      .map((block) => ({
        caption:
          document.getElementById(block.getAttribute('aria-labelledby') ?? '')?.textContent ?? '',
        scrollWidth: block.scrollWidth,
        clientWidth: block.clientWidth,
        overflowX: getComputedStyle(block).overflowX,
      }));

    return {
      outside,
      pageScrollsHorizontally: document.documentElement.scrollWidth > viewportWidth,
      panelOverflows: panel.scrollWidth > panel.clientWidth,
      scrollingBlocks,
    };
  });
}
