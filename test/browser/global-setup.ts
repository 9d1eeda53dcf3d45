import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { type StaticServer, startStaticServer } from './support/static-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The origin that serves the fixture page, such as `http://127.0.0.1:41234`. */
    fixtureOrigin: string;
  }
}

const fixtureRoot = fileURLToPath(new URL('./fixture/', import.meta.url));

/**
 * Builds the fixture page from the sources in src/ and serves it on 127.0.0.1 for the whole
 * run. The build is a development build, so that React reports hydration, key and prop
 * warnings to the console, where the tests collect them.
 */
export default async function setup(project: TestProject) {
  const outDir = await mkdtemp(join(tmpdir(), 'inference-panel-fixture-'));

  await build({
    configFile: false,
    root: fixtureRoot,
    base: './',
    logLevel: 'warn',
    cacheDir: join(outDir, '.vite-cache'),
    plugins: [react()],
    define: { 'process.env.NODE_ENV': JSON.stringify('development') },
    build: {
      outDir: join(outDir, 'site'),
      emptyOutDir: true,
      minify: false,
      sourcemap: true,
      reportCompressedSize: false,
    },
  });

  let server: StaticServer | undefined;
  try {
    server = await startStaticServer(join(outDir, 'site'));
  } catch (error) {
    await rm(outDir, { recursive: true, force: true });
    throw error;
  }
  project.provide('fixtureOrigin', server.origin);

  return async () => {
    await server?.close();
    await rm(outDir, { recursive: true, force: true });
  };
}
