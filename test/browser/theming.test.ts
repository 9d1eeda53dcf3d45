import type { Page } from 'playwright';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FixtureOptions } from './fixture/fixture-api';
import {
  openFixture,
  type PanelPage,
  type RunningChromium,
  renderPanel,
  startChromium,
  unexpectedMessages,
} from './support/chromium';
import { workloadProps } from './support/scenarios';

/** Computed colours and fonts of the panel's main parts. */
interface PanelLook {
  colorScheme: string;
  background: string;
  foreground: string;
  fontFamily: string;
  codeBackground: string;
  codeFontFamily: string;
  stringToken: string;
  checkedOption: string;
  borderRadius: string;
}

/** The computed look of the default light and dark themes. */
const defaultLook = {
  light: {
    background: 'rgb(255, 255, 255)',
    foreground: 'rgb(31, 35, 40)',
    codeBackground: 'rgb(246, 248, 250)',
    stringToken: 'rgb(10, 48, 105)',
    checkedOption: 'rgb(9, 105, 218)',
  },
  dark: {
    background: 'rgb(13, 17, 23)',
    foreground: 'rgb(230, 237, 243)',
    codeBackground: 'rgb(21, 27, 35)',
    stringToken: 'rgb(165, 214, 255)',
    checkedOption: 'rgb(68, 147, 248)',
  },
} as const;

/** Custom property values a host might set, all different from the defaults. */
const hostProperties = `
  --inference-panel-background: rgb(1, 2, 3);
  --inference-panel-foreground: rgb(250, 240, 230);
  --inference-panel-accent: rgb(200, 0, 100);
  --inference-panel-code-background: rgb(4, 5, 6);
  --inference-panel-token-string: rgb(7, 8, 9);
  --inference-panel-radius: 0px;
  --inference-panel-font-family: "Liberation Serif", serif;
  --inference-panel-code-font-family: "Liberation Mono", monospace;
`;

const hostLook: Omit<PanelLook, 'colorScheme'> = {
  background: 'rgb(1, 2, 3)',
  foreground: 'rgb(250, 240, 230)',
  fontFamily: '"Liberation Serif", serif',
  codeBackground: 'rgb(4, 5, 6)',
  codeFontFamily: '"Liberation Mono", monospace',
  stringToken: 'rgb(7, 8, 9)',
  checkedOption: 'rgb(200, 0, 100)',
  borderRadius: '0px',
};

async function panelLook(page: Page): Promise<PanelLook> {
  return page.evaluate(() => {
    const style = (selector: string) => {
      const element = document.querySelector(selector);
      if (element === null) throw new Error(`No element matches ${selector}.`);
      return getComputedStyle(element);
    };
    const panel = style('[data-slot="inference-panel"]');
    const code = style('[data-slot="code-block"]');
    return {
      colorScheme: panel.colorScheme,
      background: panel.backgroundColor,
      foreground: panel.color,
      fontFamily: panel.fontFamily,
      codeBackground: code.backgroundColor,
      codeFontFamily: code.fontFamily,
      stringToken: style('[data-slot="code-block"] .token.string').color,
      checkedOption: style('[data-slot="language-option"][data-state="on"]').backgroundColor,
      borderRadius: panel.borderTopLeftRadius,
    };
  });
}

let chromium: RunningChromium;
let opened: PanelPage;
let page: Page;

beforeAll(async () => {
  chromium = await startChromium();
});

afterAll(async () => {
  await chromium?.stop();
});

beforeEach(async () => {
  await opened?.context.close();
  opened = await openFixture(chromium.browser);
  page = opened.page;
});

async function showScheme(media: 'light' | 'dark', fixture: FixtureOptions): Promise<PanelLook> {
  await page.emulateMedia({ colorScheme: media });
  await renderPanel(page, fixture);
  return panelLook(page);
}

describe('colour scheme', () => {
  it.each(['light', 'dark'] as const)('%s preference picks its colours', async (scheme) => {
    const look = await showScheme(scheme, { props: workloadProps });

    expect(look).toMatchObject(defaultLook[scheme]);
    expect(unexpectedMessages(opened.messages)).toEqual([]);
  });

  it.each([
    ['dark', 'panel', 'light'],
    ['dark', 'ancestor', 'light'],
    ['light', 'panel', 'dark'],
    ['light', 'ancestor', 'dark'],
  ] as const)('data-theme %s on the %s overrides a %s preference', async (theme, where, media) => {
    const fixture: FixtureOptions =
      where === 'panel'
        ? { props: { ...workloadProps, 'data-theme': theme } }
        : { props: workloadProps, ancestors: [{ 'data-theme': theme }] };
    const look = await showScheme(media, fixture);

    expect(look).toMatchObject(defaultLook[theme]);
  });

  it.each(['light', 'dark'] as const)('%s class on an ancestor sets the scheme', async (theme) => {
    const media = theme === 'light' ? 'dark' : 'light';
    const look = await showScheme(media, { props: workloadProps, ancestors: [{ class: theme }] });

    expect(look).toMatchObject(defaultLook[theme]);
  });

  it('data-theme on the panel wins over its ancestor', async () => {
    const look = await showScheme('light', {
      props: { ...workloadProps, 'data-theme': 'light' },
      ancestors: [{ 'data-theme': 'dark' }],
    });

    expect(look).toMatchObject(defaultLook.light);
  });

  it('inner dark ancestor wins over an outer light one', async () => {
    const look = await showScheme('light', {
      props: workloadProps,
      ancestors: [{ 'data-theme': 'light' }, { 'data-theme': 'dark' }],
    });

    expect(look).toMatchObject(defaultLook.dark);
  });

  it('inner light ancestor wins over an outer dark one', async () => {
    const look = await showScheme('light', {
      props: workloadProps,
      ancestors: [{ 'data-theme': 'dark' }, { 'data-theme': 'light' }],
    });

    expect(look).toMatchObject(defaultLook.light);
  });
});

describe('host custom properties', () => {
  it('values set on the panel change its colours and fonts', async () => {
    await renderPanel(page, { props: { ...workloadProps, className: 'host-theme' } });
    // Added after the panel's stylesheet, as a host's own stylesheet usually is.
    await page.addStyleTag({ content: `.host-theme {${hostProperties}}` });

    await expect(panelLook(page)).resolves.toMatchObject(hostLook);
  });

  it('values set on the panel apply in the dark scheme too', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await renderPanel(page, { props: { ...workloadProps, className: 'host-theme' } });
    await page.addStyleTag({ content: `.host-theme {${hostProperties}}` });

    await expect(panelLook(page)).resolves.toMatchObject({
      ...hostLook,
      colorScheme: 'light dark',
    });
  });

  it('values set on an ancestor change its colours and fonts', async () => {
    await renderPanel(page, { props: workloadProps, ancestors: [{ class: 'host-theme' }] });
    await page.addStyleTag({ content: `.host-theme {${hostProperties}}` });

    await expect(panelLook(page)).resolves.toMatchObject(hostLook);
  });
});

describe('style isolation', () => {
  it.each(['light', 'dark'] as const)(
    'stylesheet changes nothing outside the panel, %s',
    async (scheme) => {
      await page.emulateMedia({ colorScheme: scheme });
      await renderPanel(page, { props: workloadProps, hostMarkup: true });
      const hostStyles = () =>
        page.evaluate(() => {
          const containers: Element[] = [
            document.documentElement,
            document.body,
            ...document.querySelectorAll('main'),
          ];
          const elements = [...containers, ...document.querySelectorAll('h1, #host, #host *')];
          // The containers grow with the panel, so their resolved sizes change with its layout.
          const sizes = new Set([
            'height',
            'block-size',
            'width',
            'inline-size',
            'perspective-origin',
            'transform-origin',
          ]);

          return elements.map((element) => {
            const style = getComputedStyle(element);
            const names = [...style].filter(
              (name) => !(containers.includes(element) && sizes.has(name)),
            );
            const properties = Object.fromEntries(
              names.map((name) => [name, style.getPropertyValue(name)]),
            );
            return { element: element.id || element.tagName.toLowerCase(), properties };
          });
        });

      await page.evaluate(() => window.inferencePanelFixture.setStylesheetEnabled(false));
      const withoutStylesheet = await hostStyles();
      await page.evaluate(() => window.inferencePanelFixture.setStylesheetEnabled(true));
      const withStylesheet = await hostStyles();

      expect(withoutStylesheet.length).toBeGreaterThan(10);
      expect(withStylesheet).toEqual(withoutStylesheet);
      // The check is only meaningful if the stylesheet styles the panel itself.
      await expect(panelLook(page)).resolves.toMatchObject(defaultLook[scheme]);
    },
  );
});
