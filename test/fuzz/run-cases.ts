import fc from 'fast-check';
import {
  buildInvokeUrl,
  generateSnippet,
  type LanguageId,
  SnippetInputError,
  type SnippetRequest,
} from '../../src/snippets';
import { type ComparableJson, comparableFromBody } from '../run/compare-requests';
import type { RecordedRequest } from '../run/echo-server';
import { startEchoServer } from '../run/echo-server';
import { buildRequest, type RequestTemplate } from './arbitraries';
import { batchEnvironmentToken, type CaseOutcome, type Runtime, runBatch } from './batch-runner';
import {
  appPathSegments,
  appQuery,
  basePathOf,
  describeExpected,
  type ExpectedRequest,
  expectedInvalidFields,
  sameJson,
} from './reference';

/** One problem found for one request template. */
export interface Mismatch {
  readonly template: RequestTemplate;
  /** The runtimes whose runs show the problem, or none for a problem found before anything ran. */
  readonly runtimes: readonly string[];
  readonly problem: string;
}

/** The result of running a list of templates in several runtimes. */
export interface RunReport {
  readonly mismatches: readonly Mismatch[];
  /** The number of programs run, by language. */
  readonly executed: Readonly<Record<LanguageId, number>>;
  /** The number of templates that the module rejected, as the model expects. */
  readonly rejected: number;
  /** The number of programs not run, by runtime, because a line is over its `maxLineBytes`. */
  readonly skipped: ReadonlyMap<string, number>;
}

/** The URLs that the code may run with: on 127.0.0.1, in the characters of an encoded URL. */
const sandboxedUrl = /^http:\/\/127\.0\.0\.1:\d+\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*$/;
const encodedPathPart = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-F]{2})*$/;
const encodedQuery = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-F]{2})*$/;
const workloadSegments = ['api', 'v2', 'endpoints', 'workloads'];

/**
 * Checks that the module accepts exactly the requests the model accepts, and rejects the rest for
 * both languages and both secret states with the same SnippetInputError naming an invalid field.
 * Returns the problems and, for an accepted request, the code with the token shown.
 */
export function checkGeneration(request: SnippetRequest): {
  problems: string[];
  programs: Readonly<Record<LanguageId, string>> | undefined;
} {
  const invalid = expectedInvalidFields(request);
  const outcomes = (['python', 'curl'] as const).flatMap((language) =>
    [true, false].map((showSecrets) => {
      try {
        return { language, showSecrets, code: generateSnippet(request, language, { showSecrets }) };
      } catch (error) {
        return { language, showSecrets, error };
      }
    }),
  );
  const problems: string[] = [];

  for (const outcome of outcomes) {
    const label = `${outcome.language} with showSecrets ${outcome.showSecrets}`;
    if ('code' in outcome && invalid.size > 0) {
      problems.push(`${label} accepted a request with invalid ${[...invalid].join(', ')}`);
    }
    if ('error' in outcome) {
      const { error } = outcome;
      if (!(error instanceof SnippetInputError)) {
        problems.push(`${label} threw ${String(error)} instead of a SnippetInputError`);
      } else if (!invalid.has(error.field)) {
        problems.push(`${label} rejected the field ${error.field}: ${error.message}`);
      }
    }
  }

  const messages = new Set(
    outcomes.map((outcome) =>
      'error' in outcome && outcome.error instanceof Error ? outcome.error.message : 'accepted',
    ),
  );
  if (messages.size > 1) problems.push(`The outcomes differ: ${[...messages].join(' | ')}`);

  // A short token, or one that another field contains, could appear in the code by chance.
  const token = request.token?.trim() ?? '';
  const tokenIsDistinct =
    token.length >= 12 && !fc.stringify({ ...request, token: '' }).includes(token);
  for (const outcome of outcomes) {
    if (!tokenIsDistinct) break;

    if ('error' in outcome && String(outcome.error).includes(token)) {
      problems.push(`The ${outcome.language} error message contains the token`);
    }
    if ('code' in outcome && !outcome.showSecrets && outcome.code.includes(token)) {
      problems.push(`The ${outcome.language} code contains the token while secrets are hidden`);
    }
  }

  const python = outcomes.find((outcome) => outcome.language === 'python' && outcome.showSecrets);
  const curl = outcomes.find((outcome) => outcome.language === 'curl' && outcome.showSecrets);
  if (problems.length > 0 || python === undefined || !('code' in python)) {
    return { problems, programs: undefined };
  }
  if (curl === undefined || !('code' in curl)) return { problems, programs: undefined };
  return { problems, programs: { python: python.code, curl: curl.code } };
}

/** The parts of a received request that both languages must send alike. */
interface ReceivedSummary {
  readonly method: string;
  readonly target: string;
  readonly headers: ReadonlyMap<string, readonly string[]>;
  readonly body: ComparableJson | undefined;
}

interface PreparedCase {
  readonly template: RequestTemplate;
  readonly request: SnippetRequest;
  readonly url: string;
  readonly expected: ExpectedRequest;
  readonly program: string;
}

/** The origin used to check the generation of code that no runtime runs. Nothing listens there. */
const unusedOrigin = 'http://127.0.0.1:9';

/**
 * Runs every template in every runtime, each runtime against a server of its own, at most
 * `concurrency` runtimes at a time. A template is checked for its rejection first, and an accepted
 * one is then checked against what the server received and against the first runtime that ran it.
 */
export async function runTemplates(
  templates: readonly RequestTemplate[],
  runtimes: readonly Runtime[],
  concurrency = 2,
): Promise<RunReport> {
  const mismatches: Mismatch[] = [];
  const executed: Record<LanguageId, number> = { python: 0, curl: 0 };
  const summaries = runtimes.map(() => new Map<RequestTemplate, ReceivedSummary>());
  const skipped = new Map<string, number>();
  let rejected = 0;

  for (const template of templates) {
    const { problems, programs } = checkGeneration(buildRequest(template, unusedOrigin));
    for (const problem of problems) mismatches.push({ template, runtimes: [], problem });
    if (programs === undefined && problems.length === 0) rejected += 1;
  }

  let next = 0;
  const worker = async () => {
    for (let index = next++; index < runtimes.length; index = next++) {
      const runtime = runtimes[index] as Runtime;
      const server = await startEchoServer();
      try {
        const accepted = prepareCases(templates, runtime, server.origin, mismatches);
        const cases = accepted.filter((prepared) =>
          fitsLines(prepared.program, runtime.maxLineBytes),
        );
        const skippedCount = accepted.length - cases.length;
        if (skippedCount > 0) {
          skipped.set(runtime.name, (skipped.get(runtime.name) ?? 0) + skippedCount);
        }

        const outcomes = await runBatch(
          runtime,
          server,
          cases.map((prepared) => prepared.program),
        );
        executed[runtime.language] += cases.length;

        cases.forEach((ran, caseIndex) => {
          const outcome = outcomes[caseIndex] as CaseOutcome;
          const { problems, summary } = checkOutcome(ran, runtime, server.origin, outcome);
          for (const problem of problems) {
            mismatches.push({ template: ran.template, runtimes: [runtime.name], problem });
          }
          if (summary !== undefined) summaries[index]?.set(ran.template, summary);
        });
      } finally {
        await server.close();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, runtimes.length) }, worker));

  for (const template of templates) {
    const ran = runtimes.flatMap((runtime, index) => {
      const summary = summaries[index]?.get(template);
      return summary === undefined ? [] : [{ name: runtime.name, summary }];
    });
    const [reference, ...others] = ran;
    for (const { name, summary } of others) {
      const difference = describeDifference(reference?.summary as ReceivedSummary, summary);
      if (difference === undefined) continue;
      mismatches.push({
        template,
        runtimes: [reference?.name as string, name],
        problem: `${reference?.name} and ${name} sent different requests: ${difference}`,
      });
    }
  }
  return { mismatches, executed, rejected, skipped };
}

/** Tells whether every line of `program` is at most `maxBytes` bytes long in UTF-8. */
function fitsLines(program: string, maxBytes: number | undefined): boolean {
  // A UTF-16 code unit takes at most three UTF-8 bytes, so a short program needs no encoding.
  if (maxBytes === undefined || program.length <= maxBytes / 3) return true;

  return program.split('\n').every((line) => Buffer.byteLength(line) <= maxBytes);
}

/** Generates the code of the accepted templates for `runtime`, for a server at `origin`. */
function prepareCases(
  templates: readonly RequestTemplate[],
  runtime: Runtime,
  origin: string,
  mismatches: Mismatch[],
): PreparedCase[] {
  const cases: PreparedCase[] = [];

  for (const template of templates) {
    const request = buildRequest(template, origin);
    const { programs } = checkGeneration(request);
    if (programs === undefined) continue;

    const url = buildInvokeUrl(request);
    if (!sandboxedUrl.test(url) || !url.startsWith(`${origin}/`)) {
      const problem = `The URL ${url} leaves the test server, so the code was not run.`;
      mismatches.push({ template, runtimes: [runtime.name], problem });
      continue;
    }
    const expected = describeExpected(request, batchEnvironmentToken);
    cases.push({ template, request, url, expected, program: programs[runtime.language] });
  }
  return cases;
}

function describeDifference(left: ReceivedSummary, right: ReceivedSummary): string | undefined {
  if (left.method !== right.method) return `method ${left.method} and ${right.method}`;
  if (left.target !== right.target) return `target ${left.target} and ${right.target}`;
  if (!sameJson(left.body, right.body)) return 'the body';

  const names = new Set([...left.headers.keys(), ...right.headers.keys()]);
  for (const name of names) {
    // The clients differ in these by design: each server has its own port, and the body's
    // length differs because requests writes JSON without the payload's layout.
    if (clientHeaders.has(name)) continue;
    const leftValues = JSON.stringify(left.headers.get(name) ?? []);
    const rightValues = JSON.stringify(right.headers.get(name) ?? []);
    if (leftValues !== rightValues) return `header ${name}: ${leftValues} and ${rightValues}`;
  }
  return undefined;
}

/** The headers that curl and requests add by themselves. */
const clientHeaders = new Set([
  'host',
  'user-agent',
  'accept-encoding',
  'connection',
  'content-length',
  'expect',
]);

/** Checks one run against the model and returns the problems and what the server received. */
function checkOutcome(
  prepared: PreparedCase,
  runtime: Runtime,
  origin: string,
  outcome: CaseOutcome,
): { problems: string[]; summary: ReceivedSummary | undefined } {
  const problems: string[] = [];
  const expectedStdout =
    runtime.language === 'python' ? '200\n{"received": true}\n\n' : '{"received": true}\n';
  // A terminal also shows the pasted code, so there the response only has to appear.
  const printed =
    runtime.mode === 'paste'
      ? outcome.stdout.includes('{"received": true}')
      : outcome.stdout === expectedStdout;

  if (outcome.status !== 0) {
    problems.push(`The code failed with status ${outcome.status}: ${outcome.error ?? ''}`);
  } else if (!printed) {
    problems.push(`The code printed ${JSON.stringify(outcome.stdout.slice(0, 500))}`);
  }
  if (outcome.requests.length !== 1) {
    problems.push(`The server received ${outcome.requests.length} requests instead of 1`);
    return { problems, summary: undefined };
  }

  const received = outcome.requests[0] as RecordedRequest;
  const { expected } = prepared;
  const header = (name: string) => received.headers.get(name) ?? [];
  const expectValues = (name: string, values: readonly string[]) => {
    const actual = header(name);
    if (JSON.stringify(actual) !== JSON.stringify(values)) {
      problems.push(
        `The header ${name} is ${JSON.stringify(actual)}, expected ${JSON.stringify(values)}`,
      );
    }
  };

  if (received.method !== expected.method) problems.push(`The method is ${received.method}`);
  problems.push(...checkTarget(prepared.request, prepared.url, origin, received.target));

  expectValues('host', [new URL(origin).host]);
  expectValues('authorization', [expected.authorization]);
  expectValues('accept', [expected.accept]);
  expectValues('content-type', expected.contentType === undefined ? [] : [expected.contentType]);
  expectValues('transfer-encoding', []);
  for (const [name, value] of expected.extraHeaders) expectValues(name, [value]);

  const expectedNames = new Set([
    'authorization',
    'accept',
    'content-type',
    ...expected.extraHeaders.map(([name]) => name),
  ]);
  for (const name of received.headers.keys()) {
    if (!expectedNames.has(name) && !clientHeaders.has(name)) {
      problems.push(
        `The server received the unexpected header ${name}: ${JSON.stringify(header(name))}`,
      );
    }
  }
  const expectHeader = header('expect');
  if (
    expectHeader.length > 0 &&
    !(expectHeader.length === 1 && expectHeader[0] === '100-continue')
  ) {
    problems.push(`The server received Expect: ${JSON.stringify(expectHeader)}`);
  }

  let body: ComparableJson | undefined;
  if (expected.method === 'GET') {
    if (received.body.length !== 0)
      problems.push(`GET sent a body of ${received.body.length} bytes`);
    expectValues('content-length', []);
  } else {
    expectValues('content-length', [String(received.body.length)]);
    try {
      body = comparableFromBody(received.body);
    } catch (error) {
      problems.push(`The body is not UTF-8 JSON: ${String(error)}`);
    }
    if (!sameJson(body, expected.body)) problems.push('The body differs from the payload');
    // NOTE: a terminal turns a pasted carriage return into a line feed. A JSON text contains one
    // only as whitespace, so the body keeps its JSON value, which is checked above.
    const curlText =
      runtime.mode === 'paste'
        ? expected.curlBodyText?.replaceAll('\r', '\n')
        : expected.curlBodyText;
    const curlBytes = Buffer.from(curlText ?? '', 'utf8').toString('latin1');
    if (runtime.language === 'curl' && received.body.toString('latin1') !== curlBytes) {
      problems.push('cURL did not send the body text byte for byte');
    }
  }

  const summary = {
    method: received.method,
    target: received.target,
    headers: received.headers,
    body,
  };
  return { problems, summary };
}

/** Percent-decodes the UTF-8 bytes of `text`. A '%' without two hex digits stays as it is. */
function percentDecode(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const decoded: number[] = [];

  for (let index = 0; index < bytes.length; index += 1) {
    const hex = bytes.subarray(index + 1, index + 3).toString('latin1');
    if (bytes[index] === 0x25 && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      decoded.push(Number.parseInt(hex, 16));
      index += 2;
    } else {
      decoded.push(bytes[index] as number);
    }
  }
  return Buffer.from(decoded);
}

function sameDecoded(received: string, given: string): boolean {
  return percentDecode(received).equals(percentDecode(given));
}

/**
 * Checks the request target. It must equal the module's URL after the origin, be fully encoded
 * and contain no dot segment. Its segments must be the base path, the Workload's prefix, the
 * workload ID as one segment, then the path and the query, and each must percent-decode to the
 * bytes of the request's part.
 */
function checkTarget(
  request: SnippetRequest,
  url: string,
  origin: string,
  target: string,
): string[] {
  const problems: string[] = [];
  const parsed = new URL(url);

  if (parsed.origin !== origin) problems.push(`The URL's origin is ${parsed.origin}`);
  if (target !== url.slice(parsed.origin.length)) {
    problems.push(`The target ${target} differs from the URL ${url}`);
  }

  const queryStart = target.indexOf('?');
  const pathPart = queryStart === -1 ? target : target.slice(0, queryStart);
  const query = queryStart === -1 ? '' : target.slice(queryStart + 1);
  if (!encodedPathPart.test(pathPart))
    problems.push(`The target's path ${pathPart} is not fully encoded`);
  if (!encodedQuery.test(query)) problems.push(`The target's query ${query} is not fully encoded`);

  const segments = pathPart.split('/');
  for (const segment of segments) {
    const decoded = percentDecode(segment).toString('latin1');
    if (decoded === '.' || decoded === '..')
      problems.push(`The target has the dot segment ${segment}`);
  }

  const baseSegments = basePathOf((request.endpoint ?? request.baseUrl) as string).split('/');
  const fixed =
    request.endpoint === undefined ? [...workloadSegments, request.workloadId as string] : [];
  const appSegments = appPathSegments(request.path ?? '');
  const expectedCount = baseSegments.length + fixed.length + appSegments.length;

  if (segments.length !== expectedCount) {
    problems.push(`The target has ${segments.length} segments, expected ${expectedCount}`);
    return problems;
  }
  baseSegments.forEach((segment, index) => {
    if (!sameDecoded(segments[index] as string, segment)) {
      problems.push(`The target's base segment ${segments[index]} does not decode to ${segment}`);
    }
  });
  fixed.forEach((segment, index) => {
    const received = segments[baseSegments.length + index] as string;
    if (!sameDecoded(received, segment)) {
      problems.push(
        `The target's segment ${received} does not decode to ${JSON.stringify(segment)}`,
      );
    }
  });
  appSegments.forEach((segment, index) => {
    const received = segments[baseSegments.length + fixed.length + index] as string;
    if (!sameDecoded(received, segment)) {
      problems.push(
        `The target's path segment ${received} does not decode to ${JSON.stringify(segment)}`,
      );
    }
  });
  if (!sameDecoded(query, appQuery(request.path ?? ''))) {
    problems.push(`The target's query ${query} does not decode to the given query`);
  }
  return problems;
}

/** Formats mismatches for a failure message, at most `limit` of them. */
export function formatMismatches(mismatches: readonly Mismatch[], limit = 10): string {
  return mismatches
    .slice(0, limit)
    .map(
      (mismatch) =>
        `${mismatch.runtimes.join(', ') || 'code generation'}: ${mismatch.problem}\n  template: ${describeTemplate(mismatch.template)}`,
    )
    .join('\n');
}

/** Writes a template as fast-check prints values, shortened when huge. */
export function describeTemplate(template: RequestTemplate): string {
  const text = fc.stringify(template);
  return text.length > 2000 ? `${text.slice(0, 2000)}… (${text.length} characters)` : text;
}
