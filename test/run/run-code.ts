import { spawn, spawnSync } from 'node:child_process';
import { accessSync, closeSync, constants, openSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Readable } from 'node:stream';

/** How a child process ended, with everything it printed. */
export interface ChildResult {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Whether the child was killed because it ran past the timeout. */
  readonly timedOut: boolean;
}

/** Seconds that one generated program may run before its process group is killed. */
export const childTimeoutSeconds = 20;

const proxyVariables = [
  'http_proxy',
  'https_proxy',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'ALL_PROXY',
  'all_proxy',
];

/** Returns the absolute path of `command` on PATH, or undefined when it is not installed. */
export function findExecutable(command: string): string | undefined {
  for (const directory of (process.env.PATH ?? '').split(delimiter)) {
    if (directory === '') continue;
    const candidate = join(directory, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not in this directory, so try the next one.
    }
  }
  return undefined;
}

let pythonExecutable: string | undefined;

/**
 * Returns the Python interpreter to run: `PYTHON` if set, else `python3`, resolved once to the
 * interpreter's own path so that a version-manager shim such as pyenv's is not run for every test.
 */
export function resolvePython(): string {
  if (pythonExecutable !== undefined) return pythonExecutable;

  const command = process.env.PYTHON ?? 'python3';
  const result = spawnSync(command, ['-c', 'import sys; print(sys.executable)'], {
    encoding: 'utf8',
    env: childEnvironment({}),
    timeout: childTimeoutSeconds * 1000,
  });
  const executable = result.stdout?.trim() ?? '';

  if (result.status !== 0 || executable === '') {
    throw new Error(`Failed to start ${command}: ${result.error?.message ?? result.stderr}`);
  }
  pythonExecutable = executable;
  return executable;
}

/**
 * Runs a generated cURL command in `shell` (bash, dash or zsh). The script goes in a file, because
 * Linux limits one argument, such as the script of `bash -c`, to 128 KiB, and the command for a
 * large body is longer.
 */
export function runShellScript(
  shell: string,
  script: string,
  variables: Readonly<Record<string, string>> = {},
): Promise<ChildResult> {
  return runScriptFile(shell, 'request.sh', script, variables);
}

/** Runs a generated Python program with the interpreter from {@link resolvePython}. */
export function runPythonScript(
  script: string,
  variables: Readonly<Record<string, string>> = {},
): Promise<ChildResult> {
  return runScriptFile(resolvePython(), 'request.py', script, variables);
}

async function runScriptFile(
  command: string,
  fileName: string,
  script: string,
  variables: Readonly<Record<string, string>>,
): Promise<ChildResult> {
  const directory = await mkdtemp(join(tmpdir(), 'inference-panel-run-'));

  try {
    const file = join(directory, fileName);
    await writeFile(file, script);
    return await runChild(command, [file], {
      variables: {
        ...variables,
        // An empty home keeps the user's .curlrc and .netrc out of the request.
        HOME: directory,
        CURL_HOME: directory,
        XDG_CONFIG_HOME: directory,
        NETRC: join(directory, 'absent.netrc'),
      },
      directory,
    });
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/**
 * Copies this process's environment for a child: without proxy variables and with NO_PROXY=*, so
 * that curl and requests connect straight to 127.0.0.1.
 */
export function childEnvironment(
  variables: Readonly<Record<string, string>>,
): Record<string, string> {
  const environment: Record<string, string> = {};

  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !proxyVariables.includes(name)) environment[name] = value;
  }
  return { ...environment, ...variables, NO_PROXY: '*', no_proxy: '*' };
}

/** Where and how {@link runChild} runs a command. */
export interface ChildOptions {
  /** Variables set on top of the environment from {@link childEnvironment}. */
  readonly variables?: Readonly<Record<string, string>>;
  /** Milliseconds before the process group is killed, {@link childTimeoutSeconds} by default. */
  readonly timeoutMs?: number;
  /**
   * The working directory, such as the run's temporary directory, so that a file that broken code
   * writes, for example through an unquoted '>', is removed with it.
   */
  readonly directory?: string;
  /** A file to read as standard input. Without one, standard input is /dev/null. */
  readonly stdinFile?: string;
}

/**
 * Runs a command in a process group of its own, so that a timeout kills the shell and every
 * process it started, such as curl, by the group's ID.
 */
export function runChild(
  command: string,
  args: readonly string[],
  options: ChildOptions = {},
): Promise<ChildResult> {
  const stdin = options.stdinFile === undefined ? 'ignore' : openSync(options.stdinFile, 'r');

  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.directory,
      env: childEnvironment(options.variables ?? {}),
      stdio: [stdin, 'pipe', 'pipe'],
      detached: true,
    });
    if (typeof stdin === 'number') closeSync(stdin);

    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let timedOut = false;

    const killGroup = () => {
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch (error) {
        // ESRCH: the group ended between the check and the kill.
        if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
      }
    };
    const timer = setTimeout(
      () => {
        timedOut = true;
        killGroup();
      },
      options.timeoutMs ?? childTimeoutSeconds * 1000,
    );

    // Both are pipes, as the stdio option above requests.
    (child.stdout as Readable).on('data', (chunk: Buffer) => stdout.push(chunk));
    (child.stderr as Readable).on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      resolve({
        exitCode,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        timedOut,
      });
    });
  });
}
