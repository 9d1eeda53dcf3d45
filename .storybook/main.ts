import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  framework: {
    name: '@storybook/react-vite',
    // Renders every story inside React's <StrictMode>, which runs renders and effects twice in
    // development to expose impure components.
    options: { strictMode: true },
  },
  core: {
    // Telemetry posts to storybook.js.org, and without network access its failed DNS lookups
    // delay the build.
    disableTelemetry: true,
    enableCrashReports: false,
    // NOTE: this hides the "what's new" notification only. In Storybook 10.6.9 the dev server still
    // fetches https://storybook.js.org/whats-new/v1 whenever the manager UI opens.
    disableWhatsNewNotifications: true,
  },
};

export default config;
