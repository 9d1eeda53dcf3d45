import { readFileSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'rolldown';

/** The project's root folder, with a trailing separator. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

const temporaryFolders = new Set();

// Runs on process.exit(), which bench/run.mjs calls on SIGINT and SIGTERM, so that an
// interrupted run leaves no folder behind.
process.on('exit', () => {
  for (const folder of temporaryFolders) rmSync(folder, { recursive: true, force: true });
});

/**
 * Returns the version of an installed package, read from its package.json in the project's
 * node_modules, because some packages do not export that file.
 */
export function installedVersion(name) {
  const file = join(projectRoot, 'node_modules', name, 'package.json');
  return JSON.parse(readFileSync(file, 'utf8')).version;
}

/**
 * Creates an empty folder under the system's temporary folder. Remove it with removeTemporaryFolder,
 * or it is removed when the process exits.
 */
export async function makeTemporaryFolder() {
  const folder = await mkdtemp(join(tmpdir(), 'inference-panel-bench-'));
  temporaryFolders.add(folder);
  return folder;
}

export async function removeTemporaryFolder(folder) {
  await rm(folder, { recursive: true, force: true });
  temporaryFolders.delete(folder);
}

/**
 * Bundles src/snippets/index.ts with rolldown into a temporary ES module, imports it and deletes
 * the file. The snippet module has no dependencies, so the bundle holds only its own code.
 */
export async function importSnippetModule() {
  const folder = await makeTemporaryFolder();

  try {
    const file = join(folder, 'snippets.mjs');
    await build({
      input: join(projectRoot, 'src/snippets/index.ts'),
      cwd: projectRoot,
      platform: 'node',
      logLevel: 'warn',
      output: { file, format: 'esm' },
    });
    return await import(pathToFileURL(file).href);
  } finally {
    await removeTemporaryFolder(folder);
  }
}
