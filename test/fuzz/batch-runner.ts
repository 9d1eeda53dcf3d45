import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EchoServer, RecordedRequest } from '../run/echo-server';
import {
  type ChildResult,
  childEnvironment,
  findExecutable,
  resolvePython,
  runChild,
} from '../run/run-code';

/** A program that runs generated code: a shell for cURL or a Python interpreter. */
export interface Runtime {
  /** A name for reports, such as `bash` or `zsh -i`. */
  readonly name: string;
  readonly language: 'curl' | 'python';
  readonly executable: string;
  /**
   * How the code reaches the program. `file` runs a script file. `interactive` feeds the code to
   * an interactive shell on standard input, so that history expansion applies to every line.
   * `paste` pastes it into an interactive shell on a pseudo-terminal, with line editing on.
   */
  readonly mode: 'file' | 'interactive' | 'paste' | 'python';
  /** The maximum line length in UTF-8 bytes. A program with a longer line is skipped here. */
  readonly maxLineBytes?: number;
  /** Whether each program runs in a new process instead of one process per batch. */
  readonly processPerProgram?: boolean;
}

/** What one generated program did in a batch. */
export interface CaseOutcome {
  /** The exit status of the program, or undefined when it never finished. */
  readonly status: number | undefined;
  readonly stdout: string;
  /** The Python traceback, or the reason a shell program did not finish. */
  readonly error: string | undefined;
  /** The requests the server received while the program ran. */
  readonly requests: readonly RecordedRequest[];
}

/** The token that batches put in API_TOKEN for code that reads the token from there. */
export const batchEnvironmentToken = 'env-token-batch-7c21';

const pythonBatchScript = fileURLToPath(new URL('./python-batch.py', import.meta.url));
const pasteBatchScript = fileURLToPath(new URL('./paste-batch.py', import.meta.url));
const markerPattern = /^@@case-end (\d+) (\d+)$/gm;
// The messages of bash 5.2 and zsh 5.9. A shell that reads standard input without line editing
// does not echo the code, so the message may follow a prompt on the same line.
const historyErrorPattern = /bash: .*: event not found|zsh: event not found: /;
// A terminal shows the pasted code too, but no line of generated code starts with a shell's name.
const pastedHistoryErrorPattern = /^(?:bash: .*: event not found|zsh: event not found: )/m;
const debianPython = '/usr/bin/python3';

/**
 * Returns the runtimes installed on this machine: bash, dash and zsh from a file, bash and zsh
 * interactive on standard input and on a pseudo-terminal, the Python of
 * {@link resolvePython}, and Debian's /usr/bin/python3 when it is a different interpreter that
 * has requests.
 */
export function findRuntimes(): Runtime[] {
  const runtimes: Runtime[] = [];

  for (const shell of ['bash', 'dash', 'zsh']) {
    const executable = findExecutable(shell);
    if (executable !== undefined)
      runtimes.push({ name: shell, language: 'curl', executable, mode: 'file' });
  }
  // NOTE: bash 5.2.15 reading an interactive session from standard input without line editing
  // corrupts its heap on some input, such as these 33 bytes of broken code:
  //   f \''\ é  !,⏎"`^`$('\''⏎'|-⏎e ""
  // It then aborts with "free(): invalid next size (fast)", or changes a later command. Programs
  // in one session set this off together, so each program runs in a bash of its own.
  const bash = findExecutable('bash');
  if (bash !== undefined) {
    runtimes.push({
      name: 'bash -i',
      language: 'curl',
      executable: bash,
      mode: 'interactive',
      processPerProgram: true,
    });
  }
  // NOTE: zsh 5.9 reading an interactive session from standard input without line editing, in a
  // UTF-8 locale, crashes with SIGSEGV on some quoted strings over several lines. It did so when
  // one of the lines contained more than about 123,000 bytes of multibyte text. The same code runs
  // in zsh from a file and pasted with line editing on, so such programs run there only.
  const zsh = findExecutable('zsh');
  if (zsh !== undefined) {
    runtimes.push({
      name: 'zsh -i',
      language: 'curl',
      executable: zsh,
      mode: 'interactive',
      maxLineBytes: 100_000,
    });
  }

  const python = resolvePython();
  runtimes.push({ name: 'python', language: 'python', executable: python, mode: 'python' });
  for (const shell of ['bash', 'zsh']) {
    // The paste driver runs the shell by name, so the executable here is the driver's Python.
    if (findExecutable(shell) !== undefined) {
      runtimes.push({
        name: `${shell} paste`,
        language: 'curl',
        executable: python,
        mode: 'paste',
      });
    }
  }
  if (isOtherPythonWithRequests(debianPython, python)) {
    runtimes.push({
      name: 'debian python',
      language: 'python',
      executable: debianPython,
      mode: 'python',
    });
  }
  return runtimes;
}

function isOtherPythonWithRequests(candidate: string, python: string): boolean {
  if (!existsSync(candidate)) return false;

  const result = spawnSync(candidate, ['-c', 'import sys, requests; print(sys.executable)'], {
    encoding: 'utf8',
    env: childEnvironment({}),
    timeout: 20_000,
  });
  const executable = result.stdout?.trim() ?? '';
  return result.status === 0 && executable !== '' && executable !== python;
}

/**
 * Runs every program in one process of `runtime` against `server` and returns one outcome per
 * program. Requests are matched to programs by order. That is exact when every program exits 0
 * and the server received one request per program, because a program starts only after the one
 * before it has its response. Otherwise the programs are run again one per process, so that each
 * outcome contains exactly the requests its own program sent.
 */
export async function runBatch(
  runtime: Runtime,
  server: EchoServer,
  programs: readonly string[],
): Promise<CaseOutcome[]> {
  if (programs.length === 0) return [];
  if (runtime.processPerProgram === true && programs.length > 1) {
    return runSeparately(runtime, server, programs);
  }

  server.takeRequests();
  const outcomes = await runPrograms(runtime, programs);
  const requests = server.takeRequests();
  const matched =
    requests.length === programs.length && outcomes.every((outcome) => outcome.status === 0);

  if (matched) {
    return outcomes.map((outcome, index) => ({
      ...outcome,
      requests: [requests[index] as RecordedRequest],
    }));
  }
  if (programs.length === 1) return [{ ...(outcomes[0] as CaseOutcome), requests }];
  return runSeparately(runtime, server, programs);
}

async function runSeparately(
  runtime: Runtime,
  server: EchoServer,
  programs: readonly string[],
): Promise<CaseOutcome[]> {
  const separate: CaseOutcome[] = [];
  for (const program of programs) {
    separate.push(...(await runBatch(runtime, server, [program])));
  }
  return separate;
}

/** Returns the milliseconds a batch may run: 30 seconds, plus one second per program. */
function batchTimeoutMs(programCount: number): number {
  return (30 + programCount) * 1000;
}

async function runPrograms(
  runtime: Runtime,
  programs: readonly string[],
): Promise<Omit<CaseOutcome, 'requests'>[]> {
  const directory = await mkdtemp(join(tmpdir(), 'inference-panel-batch-'));

  try {
    const variables = {
      API_TOKEN: batchEnvironmentToken,
      // An empty home keeps the user's .curlrc, .netrc and shell start-up files out of the run.
      HOME: directory,
      CURL_HOME: directory,
      XDG_CONFIG_HOME: directory,
      NETRC: join(directory, 'absent.netrc'),
      HISTFILE: '/dev/null',
    };
    const timeoutMs = batchTimeoutMs(programs.length);

    if (runtime.mode === 'python') {
      const file = join(directory, 'programs.json');
      await writeFile(file, JSON.stringify(programs));
      const result = await runChild(runtime.executable, ['-W', 'error', pythonBatchScript, file], {
        variables,
        timeoutMs,
        directory,
      });
      return parsePythonOutcomes(result, programs.length);
    }

    if (runtime.mode === 'paste') {
      const file = join(directory, 'programs.json');
      await writeFile(file, JSON.stringify(programs));
      const shell = runtime.name.split(' ')[0] as string;
      const result = await runChild(runtime.executable, [pasteBatchScript, shell, file], {
        variables,
        timeoutMs,
        directory,
      });
      return parsePasteOutcomes(result, programs.length);
    }

    const file = join(directory, 'programs.sh');
    await writeFile(file, shellBatchScript(runtime, programs));
    const result =
      runtime.mode === 'file'
        ? await runChild(runtime.executable, [file], { variables, timeoutMs, directory })
        : await runChild(runtime.executable, interactiveArguments(runtime), {
            variables,
            timeoutMs,
            directory,
            stdinFile: file,
          });
    return parseShellOutcomes(result, programs.length);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** Joins the programs, each followed by a line that prints its index and exit status. */
function shellBatchScript(runtime: Runtime, programs: readonly string[]): string {
  // Both shells turn history expansion on in interactive shells already, and the options make it
  // explicit.
  let setup = '';
  if (runtime.mode === 'interactive') {
    setup = isZsh(runtime) ? 'setopt bang_hist\n' : 'set -o history -o histexpand\n';
  }
  const parts = programs.map(
    (program, index) => `${program}\nprintf '\\n@@case-end ${index} %s\\n' "$?"\n`,
  );
  return setup + parts.join('');
}

/**
 * Returns the arguments of an interactive bash or zsh that reads no start-up file, so that no
 * alias or option of the user changes the code. Line editing is off, so that a tab in the code
 * stays a tab, as a terminal's bracketed paste keeps it. zsh turns it off by itself when standard
 * input is not a terminal.
 */
function interactiveArguments(runtime: Runtime): string[] {
  return isZsh(runtime) ? ['-f', '-i'] : ['--norc', '--noprofile', '--noediting', '-i'];
}

function isZsh(runtime: Runtime): boolean {
  return runtime.name.startsWith('zsh');
}

function parseShellOutcomes(result: ChildResult, count: number): Omit<CaseOutcome, 'requests'>[] {
  const outcomes: Omit<CaseOutcome, 'requests'>[] = [];
  let start = 0;

  for (const match of result.stdout.matchAll(markerPattern)) {
    const index = Number(match[1]);
    if (index !== outcomes.length) break;

    // The marker starts with a line break of its own, which is not part of the program's output.
    const stdout = result.stdout.slice(start, Math.max(start, (match.index as number) - 1));
    outcomes.push({ status: Number(match[2]), stdout, error: undefined });
    start = (match.index as number) + match[0].length + 1;
  }

  const missing = describeEarlyEnd(result);
  while (outcomes.length < count) outcomes.push({ status: undefined, stdout: '', error: missing });
  if (historyErrorPattern.test(result.stderr)) {
    // History expansion failed somewhere; the batch is rerun one program at a time to find it.
    return outcomes.map((outcome) => ({ ...outcome, status: undefined, error: result.stderr }));
  }
  return outcomes;
}

function parsePasteOutcomes(result: ChildResult, count: number): Omit<CaseOutcome, 'requests'>[] {
  const outcomes: Omit<CaseOutcome, 'requests'>[] = [];

  for (const line of result.stdout.split('\n')) {
    if (line === '') continue;
    const parsed = JSON.parse(line) as { index: number; status: number | null; output: string };
    if (parsed.index !== outcomes.length) break;

    // The terminal shows the pasted code too, so a line of code may look like an error message.
    const historyFailed = pastedHistoryErrorPattern.test(parsed.output.replaceAll('\r', ''));
    outcomes.push({
      status: parsed.status === null || historyFailed ? undefined : parsed.status,
      stdout: parsed.output,
      error: parsed.status === null || historyFailed ? parsed.output : undefined,
    });
  }

  const missing = describeEarlyEnd(result);
  while (outcomes.length < count) outcomes.push({ status: undefined, stdout: '', error: missing });
  return outcomes;
}

function parsePythonOutcomes(result: ChildResult, count: number): Omit<CaseOutcome, 'requests'>[] {
  const outcomes: Omit<CaseOutcome, 'requests'>[] = [];

  for (const line of result.stdout.split('\n')) {
    if (line === '') continue;
    const parsed = JSON.parse(line) as {
      index: number;
      stdout: string;
      stderr: string;
      error: string | null;
    };
    if (parsed.index !== outcomes.length) break;

    const problem = parsed.error ?? (parsed.stderr === '' ? undefined : parsed.stderr);
    outcomes.push({ status: problem === undefined ? 0 : 1, stdout: parsed.stdout, error: problem });
  }

  const missing = describeEarlyEnd(result);
  while (outcomes.length < count) outcomes.push({ status: undefined, stdout: '', error: missing });
  if (result.stderr !== '') {
    // The interpreter itself wrote a warning or an error, which no single program is known for.
    return outcomes.map((outcome) => ({
      ...outcome,
      status: outcome.status === 0 ? 1 : outcome.status,
      error: outcome.error ?? result.stderr,
    }));
  }
  return outcomes;
}

function describeEarlyEnd(result: ChildResult): string {
  const ending = result.timedOut
    ? 'was killed after the batch timeout'
    : `ended with status ${result.exitCode} and signal ${result.signal}`;
  return `The program did not finish: the process ${ending}. Its stderr ends with: ${result.stderr.slice(-2000)}`;
}
