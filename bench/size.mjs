// Measures the minified and gzip size of the package and of httpsnippet plus a syntax highlighter,
// each bundled by esbuild through size-limit's API, with react and react-dom left out.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import vm from 'node:vm';
import presetSmallLib from '@size-limit/preset-small-lib';
import esbuild from 'esbuild';
import sizeLimit from 'size-limit';
import { build as viteBuild } from 'vite';
import {
  installedVersion,
  makeTemporaryFolder,
  projectRoot,
  removeTemporaryFolder,
} from './lib/project.mjs';
import { buildPayloadText, getRequest, postRequest, toHar } from './lib/requests.mjs';
import { formatKiB, markdownTable } from './lib/stats.mjs';

const require = createRequire(import.meta.url);
const packageJson = JSON.parse(await readFile(join(projectRoot, 'package.json'), 'utf8'));
const peerDependencies = Object.keys(packageJson.peerDependencies);
const entries = join(projectRoot, 'bench/size-entries');
const shims = join(projectRoot, 'bench/browser-shims');
const nodeModules = join(projectRoot, 'node_modules');

/**
 * The esbuild options that let httpsnippet load in a browser: each Node built-in it imports maps
 * to a shim in bench/browser-shims, `process` is injected and `global` is `globalThis`.
 */
const browserShimOptions = {
  alias: {
    url: join(shims, 'url.mjs'),
    querystring: join(shims, 'querystring.mjs'),
    stream: join(shims, 'stream.cjs'),
    util: join(shims, 'util.cjs'),
    ...Object.fromEntries(
      ['buffer', 'path', 'fs', 'http', 'https', 'crypto', 'string_decoder'].map((name) => [
        name,
        join(shims, 'empty.cjs'),
      ]),
    ),
  },
  inject: [join(shims, 'process.mjs')],
  define: { global: 'globalThis' },
};

function withBrowserShims(config) {
  return {
    ...config,
    ...browserShimOptions,
    define: { ...config.define, ...browserShimOptions.define },
  };
}

/** Parses a size-limit limit such as "38 KiB" or "6 kB" into bytes. */
export function parseLimit(limit) {
  const match = /^(\d+(?:\.\d+)?)\s*(B|kB|KB|KiB|MB|MiB)$/.exec(limit.trim());
  if (match === null)
    throw new Error(`Invalid size limit "${limit}": expected a number and B, kB or KiB.`);

  const factors = { B: 1, kB: 1000, KB: 1024, KiB: 1024, MB: 1e6, MiB: 1024 * 1024 };
  return Number(match[1]) * factors[match[2]];
}

/**
 * The size goals of the package. The limits in .size-limit.json sit just above the current size,
 * so that a regression fails the tests, while the targets table shows the gap to these goals.
 */
const sizeTargets = new Map([
  ['JavaScript with its dependencies', '38 KiB'],
  ['JavaScript, own code only', '6 KiB'],
]);

/** Reads .size-limit.json as checks for size-limit's API, which does not read the file itself. */
async function readProjectChecks() {
  const config = JSON.parse(await readFile(join(projectRoot, '.size-limit.json'), 'utf8'));

  return config.map((check) => ({
    name: check.name,
    files: [join(projectRoot, check.path)],
    // The size-limit command line leaves peer dependencies out of every check, so this does too.
    ignore: [...peerDependencies, ...(check.ignore ?? [])],
    limitBytes: check.limit === undefined ? undefined : parseLimit(check.limit),
    limit: check.limit,
    target: sizeTargets.get(check.name),
    targetBytes: sizeTargets.has(check.name) ? parseLimit(sizeTargets.get(check.name)) : undefined,
  }));
}

/** Returns the gzip and the minified size of one bundle, in bytes. */
async function measure({ files, ignore, modifyEsbuildConfig }) {
  const base = {
    files,
    ignore,
    ...(modifyEsbuildConfig === undefined ? {} : { modifyEsbuildConfig }),
  };
  const [gzip, minified] = await Promise.all([
    sizeLimit(presetSmallLib, { checks: [{ ...base, gzip: true }] }),
    sizeLimit(presetSmallLib, { checks: [{ ...base, brotli: false }] }),
  ]);
  return { gzip: gzip[0].size, minified: minified[0].size };
}

/**
 * Builds the package with the project's Vite config into a temporary folder, the same library
 * build that `npm run build` writes to dist/, and returns the path of its index.js.
 */
async function buildLibrary(folder) {
  await viteBuild({
    configFile: join(projectRoot, 'vite.config.ts'),
    root: projectRoot,
    logLevel: 'silent',
    build: { outDir: folder, emptyOutDir: true, sourcemap: false },
  });
  return join(folder, 'index.js');
}

/**
 * Runs a shimmed browser bundle of a peer in a V8 context that has no Node globals and checks
 * that it writes the same code as the package does in Node. A shim that only made the bundle
 * build, but broke it, would make its size meaningless.
 */
async function checkShimmedBundle(entry, nodeGenerate) {
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'peer',
    platform: 'browser',
    logLevel: 'silent',
    ...browserShimOptions,
  });
  const context = vm.createContext({
    URL,
    URLSearchParams,
    TextEncoder,
    TextDecoder,
    console,
    queueMicrotask,
    setTimeout,
    clearTimeout,
  });
  vm.runInContext(`${result.outputFiles[0].text}\nglobalThis.peer = peer;`, context);

  const requests = [getRequest(), postRequest(buildPayloadText(0))];
  const targets = [
    ['shell', 'curl'],
    ['python', 'requests'],
  ];
  for (const request of requests) {
    for (const [target, client] of targets) {
      const har = toHar(request);
      const expected = nodeGenerate(har, target, client);
      const actual = context.peer.generate(structuredClone(har), target, client);
      if (actual !== expected) {
        throw new Error(
          `The shimmed browser bundle of ${entry} wrote different ${target} code for ${request.method} than the package in Node. Fix the shims in bench/browser-shims.`,
        );
      }
    }
  }
}

async function checkShims() {
  const { HTTPSnippet: HttpSnippet3 } = require('httpsnippet');
  const { HTTPSnippet: ReadmeHttpSnippet } = await import('@readme/httpsnippet');
  const convertWith = (HttpSnippet) => (har, target, client) => {
    const output = new HttpSnippet(har).convert(target, client);
    return Array.isArray(output) ? output[0] : output;
  };

  await checkShimmedBundle(join(entries, 'httpsnippet.mjs'), convertWith(HttpSnippet3));
  await checkShimmedBundle(join(entries, 'readme-httpsnippet.mjs'), convertWith(ReadmeHttpSnippet));
}

/**
 * Bundles the package's own code with esbuild, minified as size-limit does, and returns the
 * largest modules by the bytes that each contributes before compression.
 */
async function listLargestModules(check, count) {
  const result = await esbuild.build({
    entryPoints: check.files,
    bundle: true,
    write: false,
    metafile: true,
    minify: true,
    external: check.ignore,
    logLevel: 'silent',
  });
  const [output] = Object.values(result.metafile.outputs);
  return Object.entries(output.inputs)
    .map(([path, input]) => ({ path, bytes: input.bytesInOutput }))
    .sort((first, second) => second.bytes - first.bytes)
    .slice(0, count);
}

/** Runs every size measurement and returns the rows of the tables. */
export async function runSizeBenchmark({ log = () => {} } = {}) {
  const versions = Object.fromEntries(
    ['httpsnippet', '@readme/httpsnippet', 'react-syntax-highlighter', 'prism-react-renderer'].map(
      (name) => [name, installedVersion(name)],
    ),
  );
  const reactIgnore = peerDependencies;

  log('size: the checks in .size-limit.json');
  const projectChecks = await readProjectChecks();
  const limited = [];
  for (const check of projectChecks) {
    limited.push({ ...check, ...(await measure(check)) });
  }

  log('size: the Vite library build');
  const folder = await makeTemporaryFolder();
  const published = [];
  try {
    const libraryFile = await buildLibrary(folder);
    for (const check of projectChecks.filter((entry) => entry.files[0].endsWith('.ts'))) {
      const name = `${check.name}, from the Vite library build`;
      // The build sits outside the project, so esbuild looks up its imports in the project's
      // node_modules.
      const modifyEsbuildConfig = (config) => ({ ...config, nodePaths: [nodeModules] });
      const sizes = await measure({ ...check, files: [libraryFile], modifyEsbuildConfig });
      published.push({ name, ...sizes });
    }
  } finally {
    await removeTemporaryFolder(folder);
  }

  log('size: the parts of the package');
  const parts = [
    { name: 'src/snippets alone', files: [join(projectRoot, 'src/snippets/index.ts')] },
    {
      name: `prism-react-renderer ${versions['prism-react-renderer']} (Highlight and Prism)`,
      files: [join(entries, 'prism-react-renderer.mjs')],
    },
    {
      name: 'Radix toggle group and switch',
      files: [join(entries, 'radix.mjs')],
    },
  ];
  for (const part of parts) Object.assign(part, await measure({ ...part, ignore: reactIgnore }));

  log('size: httpsnippet and react-syntax-highlighter');
  await checkShims();
  const highlighter = `react-syntax-highlighter ${versions['react-syntax-highlighter']} prism-light + bash + python + one theme`;
  const peers = [
    {
      name: `httpsnippet ${versions.httpsnippet} + ${highlighter}`,
      files: [join(entries, 'httpsnippet-with-highlighter.mjs')],
      shims: true,
    },
    {
      name: `@readme/httpsnippet ${versions['@readme/httpsnippet']} + ${highlighter}`,
      files: [join(entries, 'readme-httpsnippet-with-highlighter.mjs')],
      shims: true,
    },
    {
      name: `httpsnippet ${versions.httpsnippet} alone`,
      files: [join(entries, 'httpsnippet.mjs')],
      shims: true,
    },
    {
      name: `@readme/httpsnippet ${versions['@readme/httpsnippet']} alone`,
      files: [join(entries, 'readme-httpsnippet.mjs')],
      shims: true,
    },
    { name: `${highlighter} alone`, files: [join(entries, 'syntax-highlighter.mjs')] },
  ];
  for (const peer of peers) {
    const modifyEsbuildConfig = peer.shims ? withBrowserShims : undefined;
    Object.assign(peer, await measure({ ...peer, ignore: reactIgnore, modifyEsbuildConfig }));
  }

  const ownCode = projectChecks.find((check) => check.ignore.includes('prism-react-renderer'));
  const largestModules = ownCode === undefined ? [] : await listLargestModules(ownCode, 8);

  return { limited, published, parts, peers, largestModules };
}

export function formatSizeTables({ limited, published, parts, peers, largestModules }) {
  const columns = [
    { title: 'Bundle' },
    { title: 'Minified', align: 'right' },
    { title: 'Minified + gzip', align: 'right' },
    { title: 'Limit (gzip)', align: 'right' },
    { title: 'Result' },
    { title: 'Target (gzip)', align: 'right' },
  ];
  const verdict = (row) => {
    if (row.limitBytes === undefined) return '';
    return row.gzip <= row.limitBytes ? 'met' : `missed by ${formatKiB(row.gzip - row.limitBytes)}`;
  };
  const packageRows = [...limited, ...published, ...parts].map((row) => [
    row.name,
    formatKiB(row.minified),
    formatKiB(row.gzip),
    row.limit ?? '',
    verdict(row),
    row.target ?? '',
  ]);

  const whole = limited[0];
  const peerColumns = [
    { title: 'Bundle' },
    { title: 'Minified', align: 'right' },
    { title: 'Minified + gzip', align: 'right' },
    { title: `${whole.name} ÷ this (gzip)`, align: 'right' },
  ];
  const peerRows = peers.map((row) => [
    row.name,
    formatKiB(row.minified),
    formatKiB(row.gzip),
    `${(whole.gzip / row.gzip).toFixed(2)}×`,
  ]);

  const moduleColumns = [
    { title: 'Largest modules of the own code' },
    { title: 'Minified bytes in the bundle', align: 'right' },
  ];
  const moduleRows = largestModules.map((module) => [
    module.path,
    module.bytes.toLocaleString('en-US'),
  ]);

  return [
    markdownTable(columns, packageRows),
    markdownTable(moduleColumns, moduleRows),
    markdownTable(peerColumns, peerRows),
  ].join('\n\n');
}
