// The page that bench/render.mjs drives in Chromium. It exposes window.bench, whose functions
// mount the panel or the plain <pre> baseline and time clicks from the input event to the next
// paint. Every time is in milliseconds from performance.now() or an event's timeStamp.
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { generateSnippet, InferencePanel } from '../../src/index.ts';
import '../../src/styles.css';
import { bodySizes, buildPayloadText, chatPath, endpoint, token } from '../lib/requests.mjs';
import {
  BaselineButton,
  ChunkedBlocks,
  CodeBlocksOnly,
  PlainBlocks,
  ToolbarOnly,
} from './variants.jsx';

const payloadTexts = new Map(bodySizes.map((size) => [size.name, buildPayloadText(size.bytes)]));
const longTasks = [];
const longFrames = [];

new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    longTasks.push({ start: entry.startTime, duration: entry.duration });
  }
}).observe({ type: 'longtask', buffered: true });

if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      longFrames.push({ start: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
}

function payloadText(sizeName) {
  const text = payloadTexts.get(sizeName);
  if (text === undefined) throw new Error(`Unknown body size "${sizeName}".`);
  return text;
}

function panelProps(sizeName) {
  return { endpoint, path: chatPath, token, payload: payloadText(sizeName) };
}

/**
 * Writes the two scripts that the panel shows for these props, the GET example first, with the
 * same request fields that InferencePanel passes to the generator.
 */
function expectedScripts(sizeName, language, showSecrets) {
  const request = { endpoint, path: chatPath, token, payload: payloadText(sizeName) };
  return [
    generateSnippet({ ...request, method: 'GET' }, language, { showSecrets }),
    generateSnippet({ ...request, method: 'POST' }, language, { showSecrets }),
  ];
}

/**
 * Resolves after the next paint: a message posted from a requestAnimationFrame callback is
 * handled after that frame's style, layout and paint steps.
 */
function nextPaint() {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    });
  });
}

async function settle() {
  await nextPaint();
  await nextPaint();
  // Long task and long animation frame entries arrive after the task that they describe.
  await new Promise((resolve) => setTimeout(resolve, 60));
}

function longestEntry(entries, start, end) {
  let longest = 0;
  for (const entry of entries) {
    if (entry.start + entry.duration >= start && entry.start <= end) {
      longest = Math.max(longest, entry.duration);
    }
  }
  return longest;
}

function mountElement(kind, sizeName) {
  switch (kind) {
    case 'panel':
      return <InferencePanel {...panelProps(sizeName)} />;
    case 'pre':
      return <PlainBlocks scripts={expectedScripts(sizeName, 'python', false)} />;
    case 'chunked-pre':
      return <ChunkedBlocks scripts={expectedScripts(sizeName, 'python', false)} />;
    case 'code-blocks':
      return <CodeBlocksOnly scripts={expectedScripts(sizeName, 'python', false)} />;
    case 'toolbar':
      return <ToolbarOnly />;
    default:
      throw new Error(`Unknown mount kind "${kind}".`);
  }
}

let mounted;

function unmount() {
  if (mounted === undefined) return;
  mounted.root.unmount();
  mounted.container.remove();
  mounted = undefined;
}

/**
 * Mounts the panel or the baseline and returns the time to commit, to laid-out DOM (when
 * `forceLayout` is set, which moves layout into the mounting task) and to the next paint.
 */
async function mount(kind, sizeName, { forceLayout }) {
  unmount();
  await settle();

  const container = document.createElement('div');
  document.getElementById('stage').append(container);
  const root = createRoot(container);
  const element = mountElement(kind, sizeName);

  const start = performance.now();
  flushSync(() => root.render(element));
  const committed = performance.now();
  if (forceLayout) container.getBoundingClientRect();
  const laidOut = performance.now();
  const painted = await nextPaint();
  mounted = { root, container };

  await settle();
  const highlighted = container.querySelectorAll('[data-highlighted="true"]').length;
  return {
    commitMs: committed - start,
    layoutMs: laidOut - start,
    paintMs: painted - start,
    longestTaskMs: longestEntry(longTasks, start, painted),
    longestFrameMs: longestEntry(longFrames, start, painted),
    highlightedBlocks: highlighted,
    blocks: container.querySelectorAll('pre').length,
  };
}

function mountBaselineButton() {
  const container = document.getElementById('controls');
  if (container.childElementCount === 0) {
    flushSync(() => createRoot(container).render(<BaselineButton />));
  }
}

function panelElement() {
  const panel = document.querySelector('[data-slot="inference-panel"]');
  if (panel === null) throw new Error('No panel is mounted; call bench.mount("panel", ...) first.');
  return panel;
}

/**
 * Returns a predicate that turns true once the DOM shows the result of clicking `target`, and
 * the CSS selector of the element to click.
 */
function interactionTarget(target) {
  if (target === 'baseline') {
    const button = document.querySelector('[data-bench="baseline-button"]');
    const before = button.textContent;
    return {
      selector: '[data-bench="baseline-button"]',
      isDone: () => button.textContent !== before,
    };
  }

  const panel = panelElement();
  if (target === 'language') {
    const next = panel.dataset.language === 'python' ? 'curl' : 'python';
    const option = [...panel.querySelectorAll('[data-slot="language-option"]')].findIndex(
      (element) => element.dataset.state !== 'on',
    );
    return {
      selector: `[data-slot="language-option"]:nth-child(${option + 1})`,
      isDone: () => panel.dataset.language === next,
    };
  }
  if (target === 'secrets') {
    const control = panel.querySelector('[data-slot="secrets-switch"]');
    const next = control.dataset.state === 'checked' ? 'unchecked' : 'checked';
    const code = panel.querySelector('[data-slot="code-block"]');
    return {
      selector: '[data-slot="secrets-switch"]',
      isDone: () =>
        control.dataset.state === next && code.textContent.includes(token) === (next === 'checked'),
    };
  }
  if (target === 'copy') {
    const status = panel.querySelector('[data-slot="copy-status"]');
    // A click during the previous "Copied" message first resets the status to idle, so only a
    // "copied" state after a reset, or after a click from idle, belongs to this click.
    let reset = status.dataset.state !== 'copied';
    return {
      selector: '[data-slot="copy-button"]',
      isDone: () => {
        if (status.dataset.state !== 'copied') reset = true;
        return reset && status.dataset.state === 'copied';
      },
    };
  }
  throw new Error(`Unknown interaction target "${target}".`);
}

let pendingInteraction;

/**
 * Starts watching for one click on `target` and returns the selector to click. The measurement
 * runs from the click event's timeStamp to the first paint after the click, to the DOM showing
 * the result (with layout forced, so that the figure includes layout) and to the next paint
 * after that. The two paints differ only where the result arrives later, as after a copy.
 */
function armInteraction(target) {
  const { selector, isDone } = interactionTarget(target);

  pendingInteraction = new Promise((resolve, reject) => {
    let clickTime;
    let firstPaint;
    let finished = false;
    const observer = new MutationObserver(check);
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`The click on ${target} showed no result within 10 s.`));
    }, 10_000);

    function check() {
      if (finished || clickTime === undefined || !isDone()) return;

      finished = true;
      observer.disconnect();
      clearTimeout(timer);
      document.body.getBoundingClientRect();
      const ready = performance.now();
      Promise.all([firstPaint, nextPaint()]).then(([firstPainted, painted]) => {
        settle().then(() =>
          resolve({
            firstPaintMs: firstPainted - clickTime,
            readyMs: ready - clickTime,
            paintMs: painted - clickTime,
            longestTaskMs: longestEntry(longTasks, clickTime, painted),
          }),
        );
      });
    }

    document.addEventListener(
      'click',
      (event) => {
        clickTime = event.timeStamp;
        firstPaint = nextPaint();
        check();
      },
      { capture: true, once: true },
    );
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  });
  return selector;
}

function interactionResult() {
  return pendingInteraction;
}

/** Reads the clipboard and compares it with the two scripts that the panel shows. */
async function checkClipboard(sizeName) {
  const panel = panelElement();
  const showSecrets =
    panel.querySelector('[data-slot="secrets-switch"]').dataset.state === 'checked';
  const [get, post] = expectedScripts(sizeName, panel.dataset.language, showSecrets);
  const expected = `${get}\n\n${post}`;
  const copied = await navigator.clipboard.readText();
  const shownScripts = [...panel.querySelectorAll('[data-slot="code-block"]')].map(
    (block) => block.textContent,
  );

  return {
    language: panel.dataset.language,
    copiedLength: copied.length,
    expectedLength: expected.length,
    equal: copied === expected,
    shownEqual: shownScripts.length === 2 && shownScripts[0] === get && shownScripts[1] === post,
  };
}

window.bench = {
  mount,
  unmount,
  mountBaselineButton,
  armInteraction,
  interactionResult,
  checkClipboard,
  supportsLongAnimationFrames:
    PerformanceObserver.supportedEntryTypes.includes('long-animation-frame'),
  ready: true,
};
