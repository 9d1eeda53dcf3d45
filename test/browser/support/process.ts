import { spawn } from 'node:child_process';

/** The outcome of a command that ran to the end. */
export interface CommandResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Milliseconds before the command and its children are stopped with SIGKILL. */
  timeoutMs: number;
}

/**
 * Runs a command in a process group of its own and collects its output. On timeout it stops the
 * whole group by the child's process id, so that no worker the command started keeps running.
 */
export function runCommand(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });

    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) killGroup(child.pid);
    }, options.timeoutMs);

    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (exitCode, signal) => {
      clearTimeout(timer);
      if (timedOut) {
        const output = `${stdout}\n${stderr}`.trim().slice(-4000);
        reject(
          new Error(
            `${command} ${args.join(' ')} timed out after ${options.timeoutMs} ms. Output:\n${output}`,
          ),
        );
        return;
      }
      resolve({ exitCode, signal, stdout, stderr });
    });
  });
}

/** Runs a command and throws, with its output, unless it exits with status 0. */
export async function runCommandOrThrow(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<CommandResult> {
  const result = await runCommand(command, args, options);
  if (result.exitCode !== 0) {
    const output = `${result.stdout}\n${result.stderr}`.trim().slice(-6000);
    throw new Error(
      `${command} ${args.join(' ')} failed in ${options.cwd} with exit code ${result.exitCode ?? result.signal}. Output:\n${output}`,
    );
  }
  return result;
}

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group has already exited.
  }
}
