/*
 * Packs the library as npm would publish it and installs the tarball into a throw-away Vite +
 * React app in a temporary directory. The tests check that the app contains one copy of React,
 * that the exports and types resolve, that the server-rendered panel hydrates in Chromium, and
 * that the published stylesheet applies.
 *
 * The package is built into a staging copy, not into dist/, so that a build running at the same
 * time in this checkout cannot change the files while they are packed. `npm install` fetches
 * React 18 from the npm registry unless npm's cache already contains it.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRecordedPage, type RunningChromium, startChromium } from '../browser/support/chromium';
import { runCommandOrThrow } from '../browser/support/process';
import { type StaticServer, startStaticServer } from '../browser/support/static-server';
import { appPanelProps, hostAppFiles } from './app-files';

const projectRoot = process.cwd();
const bin = (name: string) => join(projectRoot, 'node_modules', '.bin', name);

interface ReactSetup {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

const installedReact = JSON.parse(
  await readFile(join(projectRoot, 'node_modules/react/package.json'), 'utf8'),
) as { version: string };
const installedTypes = JSON.parse(
  await readFile(join(projectRoot, 'node_modules/@types/react/package.json'), 'utf8'),
) as { version: string };
const installedDomTypes = JSON.parse(
  await readFile(join(projectRoot, 'node_modules/@types/react-dom/package.json'), 'utf8'),
) as { version: string };

const reactSetups: readonly (readonly [string, ReactSetup])[] = [
  [
    `React ${installedReact.version}`,
    {
      dependencies: { react: installedReact.version, 'react-dom': installedReact.version },
      devDependencies: {
        '@types/react': installedTypes.version,
        '@types/react-dom': installedDomTypes.version,
      },
    },
  ],
  [
    'React 18.3.1',
    {
      dependencies: { react: '18.3.1', 'react-dom': '18.3.1' },
      devDependencies: { '@types/react': '18.3.32', '@types/react-dom': '18.3.7' },
    },
  ],
];

let workDir: string;
let tarball: string;
let packedFiles: string[];
let chromium: RunningChromium;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'inference-panel-host-app-'));
  const stagingDir = join(workDir, 'package');
  await mkdir(stagingDir);
  await writeFile(
    join(stagingDir, 'package.json'),
    await readFile(join(projectRoot, 'package.json')),
  );
  await writeFile(join(stagingDir, 'README.md'), await readFile(join(projectRoot, 'README.md')));

  // The same two steps as `npm run build`, with dist/ in the staging copy. NODE_ENV is unset,
  // as in a fresh shell, because Vitest sets it to "test".
  const outDir = join(stagingDir, 'dist');
  const options = { cwd: projectRoot, env: withoutNodeEnv(), timeoutMs: 120_000 };
  await runCommandOrThrow(
    bin('vite'),
    ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    options,
  );
  await runCommandOrThrow(bin('tsc'), ['-p', 'tsconfig.build.json', '--outDir', outDir], options);

  const packed = await runCommandOrThrow(
    'npm',
    ['pack', '--json', '--pack-destination', workDir, '--ignore-scripts'],
    { cwd: stagingDir, timeoutMs: 60_000 },
  );
  const [summary] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  if (summary === undefined) throw new Error(`npm pack wrote no summary: ${packed.stdout}`);
  tarball = join(workDir, summary.filename);
  packedFiles = summary.files.map((file) => file.path).sort();

  chromium = await startChromium();
}, 300_000);

afterAll(async () => {
  await chromium?.stop();
  if (workDir !== undefined) await rm(workDir, { recursive: true, force: true });
});

function withoutNodeEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_ENV;
  return env;
}

/** Returns the JSX runtime module that a built bundle imports. */
/** Returns the JSX runtimes that the build's JavaScript files import, without repeats. */
async function jsxRuntimesOf(buildDir: string): Promise<string[]> {
  const files = await readdir(buildDir, { recursive: true });
  const runtimes = new Set<string>();

  for (const file of files.filter((name) => name.endsWith('.js'))) {
    const code = await readFile(join(buildDir, file), 'utf8');
    for (const match of code.matchAll(/from "(react\/jsx-(?:dev-)?runtime)"/g)) {
      runtimes.add(match[1] as string);
    }
  }
  return [...runtimes];
}

describe('packed tarball', () => {
  it('uses the production JSX runtime', async () => {
    await expect(jsxRuntimesOf(join(workDir, 'package', 'dist'))).resolves.toEqual([
      'react/jsx-runtime',
    ]);
  });

  it('build ignores an inherited NODE_ENV', async () => {
    const outDir = join(workDir, 'build-with-node-env');
    await runCommandOrThrow(
      bin('vite'),
      ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
      {
        cwd: projectRoot,
        env: { ...process.env, NODE_ENV: 'development' },
        timeoutMs: 120_000,
      },
    );

    await expect(jsxRuntimesOf(outDir)).resolves.toEqual(['react/jsx-runtime']);
  });

  it('contains the build and no sources', () => {
    expect(packedFiles).toContain('package.json');
    expect(packedFiles).toContain('README.md');
    expect(packedFiles).toContain('dist/index.js');
    expect(packedFiles).toContain('dist/index.d.ts');
    expect(packedFiles).toContain('dist/styles.css');
    expect(
      packedFiles.filter(
        (path) => !path.startsWith('dist/') && path !== 'package.json' && path !== 'README.md',
      ),
    ).toEqual([]);
  });
});

/** Lists the directories of every installed copy of `packageName` under `root`. */
async function installedCopies(root: string, packageName: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true });
  const suffix = join('node_modules', packageName, 'package.json');
  return entries
    .filter((entry) => entry === suffix || entry.endsWith(`${sep}${suffix}`))
    .map((entry) => dirname(join(root, entry)))
    .sort();
}

/**
 * Returns the directory of the package that a bundled module ID belongs to, or undefined for a
 * module outside node_modules.
 */
function packageRoot(moduleId: string): string | undefined {
  const path = moduleId.replace(/^\0/, '').split('?')[0] as string;
  const marker = `${sep}node_modules${sep}`;
  const start = path.lastIndexOf(marker);
  if (start === -1) return undefined;

  const rest = path.slice(start + marker.length).split(sep);
  const nameLength = rest[0]?.startsWith('@') ? 2 : 1;
  return path.slice(0, start + marker.length) + rest.slice(0, nameLength).join(sep);
}

describe.each(reactSetups)('host app with %s', (_name, setup) => {
  let appDir: string;
  let devServer: StaticServer;
  let productionServer: StaticServer;

  beforeAll(async () => {
    appDir = await mkdtemp(join(workDir, 'app-'));
    const files = hostAppFiles({
      projectRoot,
      dependencies: { ...setup.dependencies, 'inference-panel': `file:${tarball}` },
      devDependencies: setup.devDependencies,
    });
    for (const [path, content] of Object.entries(files)) {
      await mkdir(dirname(join(appDir, path)), { recursive: true });
      await writeFile(join(appDir, path), content);
    }

    await runCommandOrThrow(
      'npm',
      [
        'install',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        '--loglevel=error',
      ],
      { cwd: appDir, timeoutMs: 300_000 },
    );

    for (const mode of ['development', 'production'] as const) {
      const env = { ...process.env, NODE_ENV: mode };
      const outDir = join(appDir, `dist-${mode}`);
      await runCommandOrThrow(process.execPath, ['build.js', outDir], {
        cwd: appDir,
        env,
        timeoutMs: 120_000,
      });
      await runCommandOrThrow(process.execPath, ['ssr.js', outDir], {
        cwd: appDir,
        env,
        timeoutMs: 60_000,
      });
    }
    devServer = await startStaticServer(join(appDir, 'dist-development'));
    productionServer = await startStaticServer(join(appDir, 'dist-production'));
  }, 600_000);

  afterAll(async () => {
    await devServer?.close();
    await productionServer?.close();
  });

  it('installs one copy of React and React DOM', async () => {
    const nodeModules = join(appDir, 'node_modules');

    await expect(installedCopies(appDir, 'react')).resolves.toEqual([join(nodeModules, 'react')]);
    await expect(installedCopies(appDir, 'react-dom')).resolves.toEqual([
      join(nodeModules, 'react-dom'),
    ]);
  });

  it.each(['development', 'production'])(
    '%s bundle contains one React, none from the library',
    async (mode) => {
      const moduleIds = JSON.parse(
        await readFile(join(appDir, `dist-${mode}`, 'module-ids.json'), 'utf8'),
      ) as string[];
      const roots = new Set(moduleIds.map(packageRoot).filter((root) => root !== undefined));
      const nodeModules = join(appDir, 'node_modules');
      const libraryModules = moduleIds.filter((id) => id.includes(`${sep}inference-panel${sep}`));

      expect([...roots].filter((root) => root.endsWith(`${sep}react`))).toEqual([
        join(nodeModules, 'react'),
      ]);
      expect([...roots].filter((root) => root.endsWith(`${sep}react-dom`))).toEqual([
        join(nodeModules, 'react-dom'),
      ]);
      expect(
        [...roots].filter((root) => root.includes(`inference-panel${sep}node_modules`)),
      ).toEqual([]);
      // The library adds its own modules and its stylesheet, and no module of its dependencies.
      const libraryPaths = libraryModules.map((id) =>
        id.slice(id.lastIndexOf(`${sep}inference-panel${sep}`)),
      );
      const distPrefix = `${sep}inference-panel${sep}dist${sep}`;

      expect(libraryPaths).toContain(`${distPrefix}styles.css`);
      expect(libraryPaths).toContain(`${distPrefix}components${sep}inference-panel.js`);
      expect(
        libraryPaths.filter((path) => !path.startsWith(distPrefix) || !/\.(js|css)$/.test(path)),
      ).toEqual([]);
    },
  );

  it('Node resolves each export and no other path', async () => {
    const result = await runCommandOrThrow(process.execPath, ['resolve-exports.js'], {
      cwd: appDir,
      timeoutMs: 60_000,
    });
    const resolved = JSON.parse(result.stdout) as Record<string, string | string[]>;
    const packageUrl = `file://${join(appDir, 'node_modules', 'inference-panel')}`;

    expect(resolved['inference-panel']).toBe(`${packageUrl}/dist/index.js`);
    expect(resolved['inference-panel/styles.css']).toBe(`${packageUrl}/dist/styles.css`);
    expect(resolved['inference-panel/package.json']).toBe(`${packageUrl}/package.json`);
    expect(resolved['inference-panel/dist/index.js']).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED');
    expect(resolved.exportNames).toContain('InferencePanel');
    expect(resolved.exportNames).toContain('generateSnippet');
  });

  it('types resolve with bundler resolution', async () => {
    await runCommandOrThrow(bin('tsc'), ['-p', 'tsconfig.bundler.json'], {
      cwd: appDir,
      timeoutMs: 120_000,
    });
  });

  it('types resolve with node16 resolution', async () => {
    await runCommandOrThrow(bin('tsc'), ['-p', 'tsconfig.node16.json'], {
      cwd: appDir,
      timeoutMs: 120_000,
    });
  });

  it('server-rendered panel hydrates without warnings', async () => {
    const { page, messages, blockedRequests, close } = await openPage(devServer.origin);
    try {
      const panel = page.locator('[data-slot="inference-panel"]');
      await expect(panel.count()).resolves.toBe(1);
      await panel.evaluate((element) => {
        (window as unknown as { serverPanel: Element }).serverPanel = element;
      });
      await page.waitForSelector('html[data-hydrated="true"]');

      // Hydration keeps the server's element; a client render after a mismatch replaces it.
      await expect(
        panel.evaluate(
          (element) => element === (window as unknown as { serverPanel: Element }).serverPanel,
        ),
      ).resolves.toBe(true);
      await page.getByRole('radio', { name: 'cURL' }).click();
      await expect(panel.getAttribute('data-language')).resolves.toBe('curl');
      expect(
        messages.filter(
          (message) =>
            message.type === 'error' || message.type === 'warning' || message.kind === 'pageerror',
        ),
      ).toEqual([]);
      expect(blockedRequests).toEqual([]);
    } finally {
      await close();
    }
  });

  it('server markup never contains the hidden token', async () => {
    const html = await readFile(join(appDir, 'dist-production', 'index.html'), 'utf8');

    expect(html).toContain('Bearer *****');
    expect(html).not.toContain(appPanelProps.token);
  });

  it.each(['light', 'dark'] as const)(
    'production build applies the published stylesheet, %s',
    async (scheme) => {
      const { page, messages, close } = await openPage(productionServer.origin, scheme);
      try {
        await page.waitForSelector('html[data-hydrated="true"]');
        const colours = await page.locator('[data-slot="inference-panel"]').evaluate((panel) => {
          const code = panel.querySelector('[data-slot="code-block"]') as Element;
          return {
            background: getComputedStyle(panel).backgroundColor,
            codeBackground: getComputedStyle(code).backgroundColor,
          };
        });

        expect(colours).toEqual(
          scheme === 'light'
            ? { background: 'rgb(255, 255, 255)', codeBackground: 'rgb(246, 248, 250)' }
            : { background: 'rgb(13, 17, 23)', codeBackground: 'rgb(21, 27, 35)' },
        );
        expect(
          messages.filter((message) => message.type === 'error' || message.kind === 'pageerror'),
        ).toEqual([]);
      } finally {
        await close();
      }
    },
  );
});

async function openPage(origin: string, colorScheme: 'light' | 'dark' = 'light') {
  const { context, page, messages, blockedRequests } = await openRecordedPage(chromium.browser, {
    colorScheme,
  });
  await page.goto(`${origin}/`);
  return { page, messages, blockedRequests, close: () => context.close() };
}
