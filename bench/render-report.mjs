// Turns the results of bench/render.mjs into Markdown tables and the figures the targets use.
import { formatMs, formatRatio, markdownTable, median, p95 } from './lib/stats.mjs';

const kindLabels = {
  panel: 'InferencePanel',
  pre: 'baseline: the same scripts in two <pre> blocks',
  'code-blocks': "the panel's two highlighted code blocks alone",
  toolbar: "the panel's toolbar alone (toggle, switch, copy button)",
  'chunked-pre': '<pre> blocks split into content-visibility: auto chunks of 200 lines',
};

export const clickLabels = {
  language: 'Language toggle',
  secrets: 'Show secrets',
  copy: 'Copy',
  baseline: 'baseline: React button that changes one word',
};

function values(runs, key) {
  return runs.map((run) => run[key]);
}

function medianAndP95(runs, key) {
  return `${formatMs(median(values(runs, key)))} / ${formatMs(p95(values(runs, key)))}`;
}

function ratioOfMedians(runs, baselineRuns, key) {
  return formatRatio(median(values(runs, key)) / median(values(baselineRuns, key)));
}

/** Computes the figures that the targets are judged on. */
export function evaluateRenderTargets(result) {
  const mountRatios = result.mounts
    .filter((mount) => mount.forceLayout)
    .map(({ sizeName, series }) => ({
      sizeName,
      layoutRatio:
        median(values(series.panel, 'layoutMs')) / median(values(series.pre, 'layoutMs')),
      paintRatio: median(values(series.panel, 'paintMs')) / median(values(series.pre, 'paintMs')),
    }));
  const clicks = ['language', 'secrets', 'copy'].map((target) => ({
    target,
    readyP95: p95(values(result.clicks[target], 'readyMs')),
    paintP95: p95(values(result.clicks[target], 'paintMs')),
  }));
  const large = result.mounts.find((mount) => mount.sizeName === '1 MiB').series;
  const largeClickTasks = ['language', 'secrets', 'copy'].flatMap((target) =>
    values(result.largeClicks[target], 'longestTaskMs'),
  );
  return {
    mountRatios,
    clicks,
    baselineClickPaintP95: p95(values(result.clicks.baseline, 'paintMs')),
    largeMountLongestTask: Math.max(...values(large.panel, 'longestTaskMs')),
    largePreLongestTask: Math.max(...values(large.pre, 'longestTaskMs')),
    largeChunkedLongestTask: Math.max(...values(large['chunked-pre'], 'longestTaskMs')),
    largeClickLongestTask: Math.max(...largeClickTasks),
    clipboard: result.clipboard,
  };
}

function formatMountTable(mounts) {
  const columns = [
    { title: 'Body' },
    { title: 'Mounted' },
    { title: 'Render + layout, median / p95', align: 'right' },
    { title: '÷ <pre>', align: 'right' },
    { title: 'To next paint, median / p95', align: 'right' },
    { title: '÷ <pre>', align: 'right' },
    { title: 'Runs', align: 'right' },
  ];
  const rows = mounts
    .filter((mount) => mount.forceLayout)
    .flatMap(({ sizeName, series }) =>
      Object.entries(series).map(([kind, runs]) => [
        sizeName,
        kindLabels[kind],
        medianAndP95(runs, 'layoutMs'),
        ratioOfMedians(runs, series.pre, 'layoutMs'),
        medianAndP95(runs, 'paintMs'),
        ratioOfMedians(runs, series.pre, 'paintMs'),
        runs.length,
      ]),
    );
  return markdownTable(columns, rows);
}

function formatLargeMountTable(mounts, supportsLongAnimationFrames) {
  const columns = [
    { title: 'Mounted (1 MiB body)' },
    { title: 'Render, median', align: 'right' },
    { title: 'To next paint, median / p95', align: 'right' },
    { title: 'Longest task, median / max', align: 'right' },
    { title: 'Longest animation frame, max', align: 'right' },
    { title: 'Runs', align: 'right' },
  ];
  const rows = mounts
    .filter((mount) => !mount.forceLayout)
    .flatMap(({ series }) =>
      Object.entries(series).map(([kind, runs]) => [
        kindLabels[kind],
        formatMs(median(values(runs, 'commitMs'))),
        medianAndP95(runs, 'paintMs'),
        `${formatMs(median(values(runs, 'longestTaskMs')))} / ${formatMs(Math.max(...values(runs, 'longestTaskMs')))}`,
        supportsLongAnimationFrames
          ? formatMs(Math.max(...values(runs, 'longestFrameMs')))
          : 'not supported',
        runs.length,
      ]),
    );
  return markdownTable(columns, rows);
}

function formatClickTable(result) {
  const columns = [
    { title: 'Body' },
    { title: 'Click' },
    { title: 'To first paint, median / p95', align: 'right' },
    { title: 'To result laid out, median / p95', align: 'right' },
    { title: 'To result painted, median / p95', align: 'right' },
    { title: 'p95 ÷ baseline p95', align: 'right' },
    { title: 'Longest task, max', align: 'right' },
    { title: 'Runs', align: 'right' },
  ];
  const rows = [];
  for (const [sizeName, series] of [
    ['small', result.clicks],
    ['1 MiB', result.largeClicks],
  ]) {
    const baselineP95 = p95(values(series.baseline, 'paintMs'));
    for (const target of ['language', 'secrets', 'copy', 'baseline']) {
      const runs = series[target];
      const longestTask = Math.max(...values(runs, 'longestTaskMs'));
      rows.push([
        sizeName,
        clickLabels[target],
        medianAndP95(runs, 'firstPaintMs'),
        medianAndP95(runs, 'readyMs'),
        medianAndP95(runs, 'paintMs'),
        formatRatio(p95(values(runs, 'paintMs')) / baselineP95),
        longestTask === 0 ? 'none of 50 ms or more' : formatMs(longestTask),
        runs.length,
      ]);
    }
  }
  return markdownTable(columns, rows);
}

function formatClipboardTable(clipboard) {
  const columns = [
    { title: 'Body' },
    { title: 'Language' },
    { title: 'Characters copied', align: 'right' },
    { title: 'Characters expected', align: 'right' },
    { title: 'Clipboard equals GET, blank line, POST' },
    { title: 'Code blocks show the same scripts' },
  ];
  const rows = clipboard.map((check) => [
    check.sizeName,
    check.language === 'curl' ? 'cURL' : 'Python',
    check.copiedLength.toLocaleString('en-US'),
    check.expectedLength.toLocaleString('en-US'),
    check.equal ? 'yes' : 'no',
    check.shownEqual ? 'yes' : 'no',
  ]);
  return markdownTable(columns, rows);
}

export function formatRenderTables(result) {
  const highlighted = result.mounts.map(({ sizeName, series }) => {
    const run = series.panel[0];
    return `${sizeName}: ${run.highlightedBlocks} of ${run.blocks}`;
  });
  return [
    formatMountTable(result.mounts),
    `Highlighted code blocks in the panel, by body: ${highlighted.join('; ')}.`,
    formatLargeMountTable(result.mounts, result.supportsLongAnimationFrames),
    formatClickTable(result),
    formatClipboardTable(result.clipboard),
  ].join('\n\n');
}
