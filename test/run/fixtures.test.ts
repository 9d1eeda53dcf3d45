import { beforeAll, describe, expect, it } from 'vitest';
import { generateSnippet } from '../../src/snippets';
import { buildRequestFixtures, environmentToken, type RequestFixture } from '../fixtures/requests';
import {
  describeExpectedRequest,
  type ReceivedRequest,
  summarizeReceived,
} from './compare-requests';
import { type RecordedRequest, startEchoServer } from './echo-server';
import { type ChildResult, findExecutable, runPythonScript, runShellScript } from './run-code';

type Runtime = 'bash' | 'dash' | 'zsh' | 'python';

interface Recording {
  readonly result: ChildResult;
  readonly requests: readonly RecordedRequest[];
}

const shells = ['bash', 'dash', 'zsh'] as const;
const shellPaths = new Map(shells.map((shell) => [shell, findExecutable(shell)]));
const runtimes: readonly Runtime[] = [...shells, 'python'];
const variables = { API_TOKEN: environmentToken };
// The origin changes the URL only, so the names and order match for every server.
const fixtureNames = buildRequestFixtures('http://127.0.0.1:1').map((fixture) => fixture.name);

function isInstalled(runtime: Runtime): boolean {
  return runtime === 'python' || shellPaths.get(runtime) !== undefined;
}

function fixtureFor(name: string, origin: string): RequestFixture {
  const fixture = buildRequestFixtures(origin).find((candidate) => candidate.name === name);
  if (fixture === undefined) throw new Error(`No request fixture is named ${name}.`);
  return fixture;
}

/** Runs the fixture's code in `runtime` against a new echo server and returns what it received. */
async function recordRun(name: string, runtime: Runtime): Promise<Recording> {
  const server = await startEchoServer();

  try {
    const { request } = fixtureFor(name, server.origin);
    const shellPath = runtime === 'python' ? undefined : shellPaths.get(runtime);
    const result =
      shellPath === undefined
        ? await runPythonScript(
            generateSnippet(request, 'python', { showSecrets: true }),
            variables,
          )
        : await runShellScript(
            shellPath,
            generateSnippet(request, 'curl', { showSecrets: true }),
            variables,
          );
    return { result, requests: [...server.requests] };
  } finally {
    await server.close();
  }
}

function expectCleanExit(result: ChildResult): void {
  expect(result.timedOut, result.stderr).toBe(false);
  expect(result.exitCode, result.stderr).toBe(0);
}

function onlyRequest(recording: Recording | undefined): ReceivedRequest {
  expect(recording).toBeDefined();
  expectCleanExit((recording as Recording).result);

  const { requests } = recording as Recording;
  expect(requests).toHaveLength(1);
  return summarizeReceived(requests[0] as RecordedRequest);
}

for (const name of fixtureNames) {
  describe(name, () => {
    const expected = describeExpectedRequest(
      fixtureFor(name, 'http://127.0.0.1:1'),
      environmentToken,
    );
    const recordings = new Map<Runtime, Recording>();

    beforeAll(async () => {
      const installed = runtimes.filter(isInstalled);
      const results = await Promise.all(installed.map((runtime) => recordRun(name, runtime)));
      installed.forEach((runtime, index) => {
        recordings.set(runtime, results[index] as Recording);
      });
    });

    for (const runtime of runtimes) {
      it.skipIf(!isInstalled(runtime))(`${runtime} sends the described request`, () => {
        const received = onlyRequest(recordings.get(runtime));

        expect(received.method).toBe(expected.method);
        expect(received.target).toBe(expected.target);
        expect(received.authorization).toEqual([expected.authorization]);
        expect(received.accept).toEqual([expected.accept]);
        expect(received.mediaType).toBe(expected.mediaType);
        expect(received.contentType).toHaveLength(expected.mediaType === undefined ? 0 : 1);
        for (const [header, value] of expected.extraHeaders) {
          expect(received.headers.get(header), header).toEqual([value]);
        }
        expect(received.body).toEqual(expected.body);
      });
    }

    if (expected.method === 'GET') {
      it('GET arrives with no body and no Content-Type', () => {
        for (const runtime of runtimes.filter(isInstalled)) {
          const received = onlyRequest(recordings.get(runtime));

          expect(received.bodyBytes, runtime).toBe(0);
          expect(received.contentType, runtime).toEqual([]);
          expect(received.contentLength, runtime).toEqual([]);
          expect(received.transferEncoding, runtime).toEqual([]);
        }
      });
    } else {
      it('curl sends the body text byte for byte', () => {
        for (const shell of shells.filter(isInstalled)) {
          const recording = recordings.get(shell);
          onlyRequest(recording);
          const body = (recording as Recording).requests[0]?.body;

          const expectedBytes = Buffer.from(expected.curlBodyText ?? '', 'utf8');

          // Latin-1 maps each byte to one character, so equal strings mean equal bytes, and
          // comparing strings is far faster than comparing a 1 MiB Buffer element by element.
          expect(body?.toString('latin1'), shell).toBe(expectedBytes.toString('latin1'));
        }
      });
    }

    it('curl and Python send the same request', () => {
      const curl = onlyRequest(recordings.get('bash'));
      const python = onlyRequest(recordings.get('python'));

      expect(python.method).toBe(curl.method);
      expect(python.target).toBe(curl.target);
      expect(python.authorization).toEqual(curl.authorization);
      expect(python.accept).toEqual(curl.accept);
      expect(python.mediaType).toBe(curl.mediaType);
      for (const [header] of expected.extraHeaders) {
        expect(python.headers.get(header), header).toEqual(curl.headers.get(header));
      }
      expect(python.body).toEqual(curl.body);
    });
  });
}
