import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import packageJson from './package.json' with { type: 'json' };

const external = [
  ...Object.keys(packageJson.peerDependencies),
  ...Object.keys(packageJson.dependencies),
];

/** Emits the stylesheet as its own file: the JavaScript never imports CSS, so it loads in Node. */
function emitStylesheet(): Plugin {
  return {
    name: 'inference-panel:emit-stylesheet',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'styles.css',
        source: readFileSync(new URL('./src/styles.css', import.meta.url), 'utf8'),
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), emitStylesheet()],
  // The published code must use the production JSX runtime even when NODE_ENV is "test" or
  // "development" during the build, because production React exports no jsxDEV.
  oxc: { jsx: { development: false } },
  build: {
    lib: {
      entry: 'src/index.ts',
      formats: ['es'],
      fileName: 'index',
    },
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
      // One file per module, so that a bundler can drop what a host does not import: the snippet
      // functions alone then bring no React component and no Prism.
      output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
    },
  },
});
