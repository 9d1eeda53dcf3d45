import type { Decorator, Preview } from '@storybook/react-vite';
import '../src/styles.css';

type Theme = 'light' | 'dark';

/** The maximum page width when a story sets no `canvasMaxWidth` parameter. */
const defaultMaxWidth = '60rem';

/**
 * Wraps each story in a padded page that sets `data-theme` from the theme global, so the panel
 * takes its colour scheme from an ancestor as it does in a host app. A story can widen or narrow
 * the page with the `canvasMaxWidth` parameter, a CSS length or `none`.
 */
const withThemedCanvas: Decorator = (Story, context) => {
  const theme: Theme = context.globals.theme === 'dark' ? 'dark' : 'light';
  const maxWidth: string = context.parameters.canvasMaxWidth ?? defaultMaxWidth;

  return (
    <div
      data-theme={theme}
      style={{
        boxSizing: 'border-box',
        minHeight: '100vh',
        padding: '1.5rem',
        colorScheme: theme,
        background: 'Canvas',
        color: 'CanvasText',
        fontFamily: 'system-ui, sans-serif',
      }}
    >
      <div style={{ maxWidth }}>
        <Story />
      </div>
    </div>
  );
};

const preview: Preview = {
  decorators: [withThemedCanvas],
  globalTypes: {
    theme: {
      description: 'Colour scheme of the page around the story, set as data-theme',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light' },
  parameters: {
    // The decorator draws the padding and background, so the canvas itself adds none.
    layout: 'fullscreen',
    controls: { expanded: true, sort: 'requiredFirst' },
  },
};

export default preview;
