import type { CopyState } from './use-copy-to-clipboard.js';

interface CopyButtonProps {
  state: CopyState;
  onCopy: () => void;
  disabled: boolean;
  label: string;
  copiedMessage: string;
  failedMessage: string;
}

/** Renders the copy button and a polite live region that announces the result. */
export function CopyButton({
  state,
  onCopy,
  disabled,
  label,
  copiedMessage,
  failedMessage,
}: CopyButtonProps) {
  const message = state === 'copied' ? copiedMessage : state === 'failed' ? failedMessage : '';

  return (
    <div data-slot="copy-field">
      <button
        type="button"
        onClick={onCopy}
        disabled={disabled}
        data-slot="copy-button"
        data-state={state}
      >
        <CopyIcon />
        <span>{label}</span>
      </button>
      {/* Always rendered, so that screen readers watch it before a message arrives. */}
      <span role="status" data-slot="copy-status" data-state={state}>
        {message}
      </span>
    </div>
  );
}

function CopyIcon() {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      data-slot="copy-icon"
    >
      <path
        fill="currentColor"
        d="M4 2a2 2 0 0 1 2-2h6a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V2Zm2-.5a.5.5 0 0 0-.5.5v8a.5.5 0 0 0 .5.5h6a.5.5 0 0 0 .5-.5V2a.5.5 0 0 0-.5-.5H6ZM2 4.5a.5.5 0 0 0-.5.5v9a.5.5 0 0 0 .5.5h7a.5.5 0 0 0 .5-.5V13H11v1a2 2 0 0 1-2 2H2a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h1v1.5H2Z"
      />
    </svg>
  );
}
