import { useCallback, useEffect, useRef, useState } from 'react';

/** The result of the last copy: `copied` and `failed` return to `idle` after a moment. */
export type CopyState = 'idle' | 'copied' | 'failed';

const copiedVisibleMs = 2000;
const failedVisibleMs = 8000;

/**
 * Copies text with the Clipboard API, falling back to a hidden textarea and `execCommand('copy')`
 * where the API is missing (insecure origins) or rejects (no permission, a cross-origin frame).
 * `copy` resolves to whether the text reached the clipboard and never rejects.
 */
export function useCopyToClipboard(): [CopyState, (text: string) => Promise<boolean>] {
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const mounted = useRef(true);
  // Counts copies, so that a slow copy that settles after a newer one changes no state.
  const latestCopy = useRef(0);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      clearTimeout(timer.current);
    };
  }, []);

  const copy = useCallback(async (text: string) => {
    latestCopy.current += 1;
    const copyNumber = latestCopy.current;
    clearTimeout(timer.current);
    setState('idle');

    const copied = await writeToClipboard(text);
    if (!mounted.current || copyNumber !== latestCopy.current) return copied;

    setState(copied ? 'copied' : 'failed');
    timer.current = setTimeout(() => setState('idle'), copied ? copiedVisibleMs : failedVisibleMs);
    return copied;
  }, []);

  return [state, copy];
}

async function writeToClipboard(text: string): Promise<boolean> {
  if (typeof navigator !== 'undefined' && navigator.clipboard?.writeText !== undefined) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // A rejection means no permission or no user gesture; the textarea route may still work.
    }
  }
  return copyWithTextarea(text);
}

function copyWithTextarea(text: string): boolean {
  const previousFocus = document.activeElement;
  const textarea = document.createElement('textarea');

  textarea.value = text;
  textarea.readOnly = true;
  textarea.tabIndex = -1;
  textarea.setAttribute('aria-hidden', 'true');
  textarea.style.cssText =
    'position:fixed;top:0;left:0;width:1px;height:1px;opacity:0;pointer-events:none';
  document.body.append(textarea);
  textarea.select();

  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }

  textarea.remove();
  if (previousFocus instanceof HTMLElement) previousFocus.focus({ preventScroll: true });
  return copied;
}
