// Measures how fast the package writes code, against httpsnippet 3 and @readme/httpsnippet on the
// same requests, all in this Node process.
import { createRequire } from 'node:module';
import { importSnippetModule, installedVersion } from './lib/project.mjs';
import {
  bodySizes,
  buildPayloadText,
  byteLength,
  getRequest,
  postRequest,
  toHar,
  token,
} from './lib/requests.mjs';
import { formatNumber, formatRatio, markdownTable, median } from './lib/stats.mjs';

const require = createRequire(import.meta.url);

/** The httpsnippet target and client that correspond to each of the package's languages. */
const peerTargets = {
  curl: ['shell', 'curl'],
  python: ['python', 'requests'],
};

async function loadImplementations() {
  const snippets = await importSnippetModule();
  const { HTTPSnippet: HttpSnippet3 } = require('httpsnippet');
  const { HTTPSnippet: ReadmeHttpSnippet } = await import('@readme/httpsnippet');

  // Each peer call includes the constructor, because it validates and normalizes the HAR
  // request, as generateSnippet validates its request.
  const convertWith = (HttpSnippet) => (testCase) => {
    const [target, client] = peerTargets[testCase.language];
    const output = new HttpSnippet(testCase.har).convert(target, client);
    return Array.isArray(output) ? output[0] : output;
  };

  return [
    {
      name: 'inference-panel',
      generate: (testCase) =>
        snippets.generateSnippet(testCase.request, testCase.language, { showSecrets: true }),
    },
    {
      name: `httpsnippet ${installedVersion('httpsnippet')}`,
      generate: convertWith(HttpSnippet3),
    },
    {
      name: `@readme/httpsnippet ${installedVersion('@readme/httpsnippet')}`,
      generate: convertWith(ReadmeHttpSnippet),
    },
  ];
}

function buildCases() {
  const requests = [{ name: 'GET', request: getRequest(), bodyBytes: 0 }];

  for (const size of bodySizes) {
    const payloadText = buildPayloadText(size.bytes);
    requests.push({
      name: `POST, ${size.name} body`,
      request: postRequest(payloadText),
      bodyBytes: byteLength(payloadText),
    });
  }

  return requests.flatMap((entry) =>
    ['curl', 'python'].map((language) => ({
      ...entry,
      language,
      har: toHar(entry.request),
    })),
  );
}

/** Throws unless `output` looks like complete code for the case, so that no row times an error. */
function checkOutput(implementation, testCase, output) {
  const problems = [];
  if (typeof output !== 'string') problems.push(`returned ${typeof output}, not a string`);
  else {
    if (!output.includes(token)) problems.push('the output does not contain the token');
    if (output.length < testCase.bodyBytes * 0.9) {
      problems.push(
        `the output has ${output.length} characters for a ${testCase.bodyBytes}-byte body`,
      );
    }
  }
  if (problems.length > 0) {
    throw new Error(
      `${implementation.name} failed on ${testCase.name} in ${testCase.language}: ${problems.join(', ')}.`,
    );
  }
}

/** Runs `generate` for at least `durationMs` and returns the number of calls made. */
function countCallsWithin(generate, testCase, durationMs) {
  const start = performance.now();
  let calls = 0;

  while (performance.now() - start < durationMs) {
    generate(testCase);
    calls += 1;
  }
  return calls;
}

/** Times `calls` calls and returns operations per second. */
function measureBatch(generate, testCase, calls) {
  let outputLength = 0;
  const start = process.hrtime.bigint();

  for (let index = 0; index < calls; index += 1) {
    outputLength += generate(testCase).length;
  }

  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  // The sum keeps the optimizer from dropping calls whose result would be unused.
  if (outputLength === 0) throw new Error('Every generator returned empty code.');
  return calls / seconds;
}

/**
 * Runs the benchmark. Each round times one batch per implementation, in an order that rotates
 * from round to round, so that load from other processes falls on all of them alike.
 */
export async function runGenerationBenchmark({ rounds = 7, batchMs = 40, log = () => {} } = {}) {
  const implementations = await loadImplementations();
  const cases = buildCases();
  const results = [];

  for (const testCase of cases) {
    log(`generation: ${testCase.name}, ${testCase.language}`);

    const calls = implementations.map((implementation) => {
      checkOutput(implementation, testCase, implementation.generate(testCase));
      // This first timed loop warms up the JIT, and the number of calls it made sets the batch size.
      return Math.max(1, countCallsWithin(implementation.generate, testCase, batchMs));
    });
    const samples = implementations.map(() => []);

    for (let round = 0; round < rounds; round += 1) {
      for (let step = 0; step < implementations.length; step += 1) {
        const index = (round + step) % implementations.length;
        const { generate } = implementations[index];
        samples[index].push(measureBatch(generate, testCase, calls[index]));
      }
    }

    results.push({
      testCase,
      medians: samples.map((values) => median(values)),
      samples,
    });
  }

  return { implementations: implementations.map((entry) => entry.name), rounds, results };
}

/** Renders the results as a Markdown table with one row per request and language. */
export function formatGenerationTable({ implementations, results }) {
  const [own, ...peers] = implementations;
  const columns = [
    { title: 'Request' },
    { title: 'Language' },
    { title: `${own} ops/s`, align: 'right' },
    ...peers.flatMap((peer) => [
      { title: `${peer} ops/s`, align: 'right' },
      { title: `${own} ÷ ${peer}`, align: 'right' },
    ]),
  ];
  const rows = results.map(({ testCase, medians }) => [
    testCase.name,
    testCase.language === 'curl' ? 'cURL' : 'Python',
    formatNumber(medians[0]),
    ...medians
      .slice(1)
      .flatMap((peerMedian) => [formatNumber(peerMedian), formatRatio(medians[0] / peerMedian)]),
  ]);
  return markdownTable(columns, rows);
}
