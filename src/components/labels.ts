import type { LanguageId } from '../snippets/languages.js';
import type { SnippetInputError } from '../snippets/request.js';

/** Every string the panel shows or announces, for translation. */
export interface InferencePanelLabels {
  /** The accessible name of the language toggle. */
  languageToggle: string;
  /** The name of each language on the toggle. */
  languages: Readonly<Record<LanguageId, string>>;
  /** The label of the switch that reveals the token. */
  showSecrets: string;
  /** The copy button's text and accessible name. */
  copy: string;
  /** The status shown and announced after a successful copy. */
  copied: string;
  /** The status shown and announced when copying failed and the code was selected instead. */
  copyFailed: string;
  /** The caption of the GET example. */
  getExample: string;
  /** The caption of the POST example. */
  postExample: string;
  /** The line stating that the URL stays the same when the artifact is replaced. */
  stableUrl: string;
  /** The heading of the message shown for invalid props. */
  invalidProps: string;
  /** Writes the message for an invalid prop; the default is the error's English message. */
  formatError: (error: SnippetInputError) => string;
}

/** The English labels. */
export const defaultLabels: InferencePanelLabels = {
  languageToggle: 'Language',
  languages: { python: 'Python', curl: 'cURL' },
  showSecrets: 'Show secrets',
  copy: 'Copy script to clipboard',
  copied: 'Copied',
  copyFailed: 'Copy failed. The code is selected: press Ctrl+C, or ⌘C on a Mac, to copy it.',
  getExample: 'GET request',
  postExample: 'POST request',
  stableUrl:
    "This URL stays the same when the Workload's artifact is replaced: during a rollout the platform routes traffic between the active and the new version behind it.",
  invalidProps: 'The example code cannot be shown.',
  formatError: (error) => error.message,
};

/**
 * Labels a host passes, any subset of them and of the language names. An undefined value keeps
 * the default, as a missing one does.
 */
export type InferencePanelLabelOverrides = {
  [key in Exclude<keyof InferencePanelLabels, 'languages'>]?: InferencePanelLabels[key] | undefined;
} & {
  languages?: { [language in LanguageId]?: string | undefined } | undefined;
};

export function resolveLabels(
  overrides: InferencePanelLabelOverrides | undefined,
): InferencePanelLabels {
  if (overrides === undefined) return defaultLabels;

  const { languages, ...rest } = overrides;
  return {
    ...defaultLabels,
    ...withoutUndefined(rest),
    languages: { ...defaultLabels.languages, ...withoutUndefined(languages ?? {}) },
  };
}

function withoutUndefined<T extends object>(
  value: T,
): { [key in keyof T]?: Exclude<T[key], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as {
    [key in keyof T]?: Exclude<T[key], undefined>;
  };
}
