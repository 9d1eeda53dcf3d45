// Runs the benchmarks and prints their tables as Markdown: `node bench/run.mjs` runs all of them,
// `node bench/run.mjs size render` only the sections named.
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { formatGenerationTable, runGenerationBenchmark } from './generation.mjs';
import { installedVersion } from './lib/project.mjs';
import { formatKiB, formatMs, formatRatio, markdownTable } from './lib/stats.mjs';
import { runRenderBenchmark } from './render.mjs';
import { clickLabels, evaluateRenderTargets, formatRenderTables } from './render-report.mjs';
import { formatSizeTables, runSizeBenchmark } from './size.mjs';

const sections = ['generation', 'size', 'render'];
const comparedPackages = [
  'react',
  'react-dom',
  '@radix-ui/react-toggle-group',
  '@radix-ui/react-switch',
  'prism-react-renderer',
  'httpsnippet',
  '@readme/httpsnippet',
  'react-syntax-highlighter',
  'vite',
  'rolldown',
  'esbuild',
  'size-limit',
  'playwright-core',
];

function parseSections(argv) {
  const requested = argv.length === 0 ? sections : argv;
  const unknown = requested.filter((name) => !sections.includes(name));
  if (unknown.length > 0) {
    throw new Error(
      `Unknown section ${unknown.join(', ')}: expected any of ${sections.join(', ')}.`,
    );
  }
  return requested;
}

async function describeMachine() {
  const cpuinfo = await readFile('/proc/cpuinfo', 'utf8').catch(() => '');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  const versions = comparedPackages.map((name) => `${name} ${installedVersion(name)}`);

  return [
    `CPU: ${model}, ${os.availableParallelism()} cores available`,
    `Memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `Load average at start (1, 5, 15 min): ${os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(', ')}`,
    `Node ${process.versions.node} on ${os.type()} ${os.release()}`,
    `Packages: ${versions.join(', ')}`,
  ];
}

function formatTargets(size, render, generation) {
  const rows = [];
  const verdict = (met) => (met ? 'met' : 'missed');

  if (generation !== undefined) {
    const [own, httpsnippet] = generation.implementations;
    for (const { testCase, medians } of generation.results) {
      if (testCase.name !== 'POST, small body') continue;
      const ratio = medians[0] / medians[1];
      rows.push([
        `Generation, ${testCase.name}, ${testCase.language}: at least 20× ${httpsnippet}`,
        `${formatRatio(ratio)} (${own} ${Math.round(medians[0]).toLocaleString('en-US')} ops/s)`,
        verdict(ratio >= 20),
      ]);
    }
  }

  if (size !== undefined) {
    for (const check of size.limited.filter((entry) => entry.targetBytes !== undefined)) {
      rows.push([
        `${check.name}: at most ${check.target} minified + gzip`,
        formatKiB(check.gzip),
        verdict(check.gzip <= check.targetBytes),
      ]);
    }
  }

  if (render !== undefined) {
    const targets = evaluateRenderTargets(render);
    for (const { sizeName, layoutRatio, paintRatio } of targets.mountRatios) {
      rows.push([
        `Mounting, ${sizeName} body: at most 2× the <pre> baseline (render + layout medians)`,
        `${formatRatio(layoutRatio)} (to next paint: ${formatRatio(paintRatio)})`,
        verdict(layoutRatio <= 2),
      ]);
    }
    const baselineP95 = targets.baselineClickPaintP95;
    for (const { target, readyP95, paintP95 } of targets.clicks) {
      // A click waits for the next frame of the 60 Hz display clock, so even the baseline button
      // can miss 16 ms. The Result cell then notes it, and the time to the laid-out result shows
      // the panel's own work.
      const baselineNote =
        baselineP95 > 16 ? `, and so does the baseline button (${formatMs(baselineP95)})` : '';
      rows.push([
        `${clickLabels[target]} click to the next paint of its result: at most 16 ms at p95, small body`,
        `${formatMs(paintP95)}; to the result laid out: ${formatMs(readyP95)}`,
        `${verdict(paintP95 <= 16)}${paintP95 > 16 ? baselineNote : ''}`,
      ]);
    }
    rows.push([
      '1 MiB body: no main-thread task over 100 ms while mounting',
      `${formatMs(targets.largeMountLongestTask)} (<pre> baseline: ${formatMs(targets.largePreLongestTask)}; chunked <pre>: ${formatMs(targets.largeChunkedLongestTask)})`,
      verdict(targets.largeMountLongestTask <= 100),
    ]);
    rows.push([
      '1 MiB body: no main-thread task over 100 ms on a click',
      formatMs(targets.largeClickLongestTask),
      verdict(targets.largeClickLongestTask <= 100),
    ]);
    const complete = targets.clipboard.every((check) => check.equal && check.shownEqual);
    rows.push([
      'Copy puts the whole text of both scripts on the clipboard',
      targets.clipboard
        .map(
          (check) =>
            `${check.sizeName} ${check.language}: ${check.copiedLength.toLocaleString('en-US')} characters`,
        )
        .join('; '),
      verdict(complete),
    ]);
  }

  return markdownTable([{ title: 'Target' }, { title: 'Measured' }, { title: 'Result' }], rows);
}

// An exit through process.exit() runs the cleanup that bench/lib/project.mjs registers, and
// Playwright closes the browser it launched.
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
]) {
  process.once(signal, () => {
    console.error(`[bench] ${signal} received: stopping and removing temporary folders.`);
    process.exit(code);
  });
}

async function main() {
  const requested = parseSections(process.argv.slice(2));
  const log = (message) => console.error(`[bench] ${message}`);
  const startedAt = performance.now();
  const output = ['## Machine', '', ...(await describeMachine()).map((line) => `- ${line}`)];
  let size;
  let render;
  let generation;

  if (requested.includes('generation')) {
    generation = await runGenerationBenchmark({ log });
    output.push(
      '',
      '## Generation speed (Node, operations per second, median of rounds)',
      '',
      `${generation.rounds} rounds per case; the ratio is of the medians, above 1× when inference-panel is faster.`,
      '',
      formatGenerationTable(generation),
    );
  }

  if (requested.includes('size')) {
    size = await runSizeBenchmark({ log });
    output.push(
      '',
      '## Size (esbuild through size-limit, react and react-dom left out)',
      '',
      formatSizeTables(size),
    );
  }

  if (requested.includes('render')) {
    render = await runRenderBenchmark({ log });
    output.push(
      '',
      `## Rendering (Chromium ${render.chromiumVersion}, headless)`,
      '',
      formatRenderTables(render),
    );
  }

  if (size !== undefined || render !== undefined || generation !== undefined) {
    output.push('', '## Targets', '', formatTargets(size, render, generation));
  }

  output.push('', `Total time: ${((performance.now() - startedAt) / 1000).toFixed(0)} s`);
  console.log(output.join('\n'));
}

await main();
