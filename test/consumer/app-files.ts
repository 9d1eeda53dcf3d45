import { pathToFileURL } from 'node:url';

/** Props of the panel in the host app, with a made-up token that is hidden by default. */
export const appPanelProps = {
  baseUrl: 'https://app.example.com',
  workloadId: '65f1c2a9e4b0d3a1f2c3d4e5',
  path: 'v1/chat/completions',
  token: 'tok_consumerAppTokenThatStaysHidden',
  payload: { messages: [{ role: 'user', content: 'Hello' }] },
};

/**
 * Returns the files of a small Vite + React host app, keyed by path. `projectRoot` is where this
 * repository's Vite and React plugin live; the app itself resolves React and inference-panel
 * from its own node_modules.
 */
export function hostAppFiles(options: {
  projectRoot: string;
  dependencies: Readonly<Record<string, string>>;
  devDependencies: Readonly<Record<string, string>>;
}): Record<string, string> {
  const viteUrl = pathToFileURL(`${options.projectRoot}/node_modules/vite/dist/node/index.js`).href;
  const reactPluginUrl = pathToFileURL(
    `${options.projectRoot}/node_modules/@vitejs/plugin-react/dist/index.js`,
  ).href;

  return {
    'package.json': `${JSON.stringify(
      {
        name: 'inference-panel-host-app',
        private: true,
        type: 'module',
        dependencies: options.dependencies,
        devDependencies: options.devDependencies,
      },
      null,
      2,
    )}\n`,

    // Plain JavaScript, so that Node can render it on the server without a build step.
    'src/app.js': `import { createElement, Fragment, useEffect } from 'react';
import { InferencePanel } from 'inference-panel';

export const panelProps = ${JSON.stringify(appPanelProps, null, 2)};

// Part of the tree on the server too, because useId derives its IDs from the tree's shape.
function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  return null;
}

export function App() {
  return createElement(Fragment, null, createElement(InferencePanel, panelProps), createElement(HydrationMarker));
}
`,

    'src/main.jsx': `import 'inference-panel/styles.css';
import { StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { App } from './app.js';

hydrateRoot(
  document.getElementById('root'),
  <StrictMode>
    <App />
  </StrictMode>,
  {
    onRecoverableError(error) {
      console.error('Recoverable error while hydrating:', error);
    },
  },
);
`,

    'index.html': `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <link rel="icon" href="data:," />
    <title>inference-panel host app</title>
  </head>
  <body>
    <main>
      <h1>Workload</h1>
      <div id="root"><!--ssr-outlet--></div>
    </main>
    <script type="module" src="/src/main.jsx"></script>
  </body>
</html>
`,

    // Builds the client into the directory given as the first argument and writes the IDs of
    // every bundled module to module-ids.json there. NODE_ENV picks React's build.
    'build.js': `import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from ${JSON.stringify(viteUrl)};
import react from ${JSON.stringify(reactPluginUrl)};

const outDir = process.argv[2];
const result = await build({
  configFile: false,
  root: process.cwd(),
  logLevel: 'warn',
  plugins: [react()],
  build: { outDir, emptyOutDir: true, reportCompressedSize: false },
});
const outputs = Array.isArray(result) ? result : [result];
const moduleIds = outputs.flatMap((output) =>
  output.output.flatMap((item) => (item.type === 'chunk' ? item.moduleIds : [])),
);
writeFileSync(join(outDir, 'module-ids.json'), JSON.stringify(moduleIds, null, 2));
`,

    // Renders the app with renderToString into the index.html that the build wrote.
    'ssr.js': `import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement, StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { App } from './src/app.js';

const page = join(process.argv[2], 'index.html');
const markup = renderToString(createElement(StrictMode, null, createElement(App)));
const html = readFileSync(page, 'utf8');
if (!html.includes('<!--ssr-outlet-->')) throw new Error(\`\${page} has no <!--ssr-outlet--> marker.\`);
writeFileSync(page, html.replace('<!--ssr-outlet-->', markup));
`,

    // Resolves each export of the package the way Node does, and one path it does not export.
    'resolve-exports.js': `const resolved = {};
for (const specifier of ['inference-panel', 'inference-panel/styles.css', 'inference-panel/package.json', 'inference-panel/dist/index.js']) {
  try {
    resolved[specifier] = import.meta.resolve(specifier);
  } catch (error) {
    resolved[specifier] = error.code;
  }
}
const library = await import('inference-panel');
resolved.exportNames = Object.keys(library).sort();
console.log(JSON.stringify(resolved));
`,

    // Uses the public API, and misuses it where the types must object.
    'src/check.tsx': `import {
  defaultLabels,
  generateSnippet,
  InferencePanel,
  type InferencePanelProps,
  type LanguageId,
  SnippetInputError,
} from 'inference-panel';

const props: InferencePanelProps = {
  baseUrl: 'https://app.example.com',
  workloadId: 'w1',
  defaultLanguage: 'curl',
  onLanguageChange: (language: LanguageId) => console.log(language),
};
export const element = <InferencePanel {...props} className="host" data-theme="dark" />;
export const code: string = generateSnippet({ method: 'GET', endpoint: 'https://app.example.com/' }, 'curl');
export const copyLabel: string = defaultLabels.copy;
export const tokenError = (error: unknown) => error instanceof SnippetInputError && error.field === 'token';

// @ts-expect-error The panel supports Python and cURL only.
export const unsupported = <InferencePanel language="java" />;
// @ts-expect-error generateSnippet returns a string.
export const notANumber: number = generateSnippet({ method: 'GET', endpoint: 'https://app.example.com/' }, 'python');
`,

    'tsconfig.bundler.json': typeCheckConfig('esnext', 'bundler'),
    'tsconfig.node16.json': typeCheckConfig('node16', 'node16'),
  };
}

function typeCheckConfig(module: string, moduleResolution: string): string {
  const config = {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2022', 'DOM'],
      module,
      moduleResolution,
      jsx: 'react-jsx',
      strict: true,
      noEmit: true,
      // The library's declaration files are checked too, as a consumer's stricter setup would.
      skipLibCheck: false,
      types: [],
    },
    include: ['src/check.tsx'],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}
