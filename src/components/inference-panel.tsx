import { type ComponentPropsWithoutRef, useId, useMemo, useRef } from 'react';
import { type LanguageId, languageIds, languages } from '../snippets/languages.js';
import { prepareRequest } from '../snippets/prepare.js';
import { type HttpMethod, type Payload, SnippetInputError } from '../snippets/request.js';
import { CodeBlock } from './code-block.js';
import { CopyButton } from './copy-button.js';
import { type InferencePanelLabelOverrides, resolveLabels } from './labels.js';
import { LanguageToggle } from './language-toggle.js';
import { SecretsSwitch } from './secrets-switch.js';
import { useControllableState } from './use-controllable-state.js';
import { useCopyToClipboard } from './use-copy-to-clipboard.js';

/** Props of {@link InferencePanel}; other props go to the root `<section>`. */
export interface InferencePanelProps
  extends Omit<ComponentPropsWithoutRef<'section'>, 'children' | 'defaultValue'> {
  /** The Workload object's `endpoint` field, its full invoke URL; it wins over `baseUrl` and `workloadId`. */
  endpoint?: string | undefined;
  /** The platform's base URL, such as `https://app.example.com`, used with `workloadId`. */
  baseUrl?: string | undefined;
  /** The Workload's ID, used with `baseUrl`. */
  workloadId?: string | undefined;
  /** The application path appended to the invoke URL, such as `chat/completions`; a `?` starts the query. */
  path?: string | undefined;
  /** Extra request headers sent by both examples. */
  headers?: Readonly<Record<string, string>> | undefined;
  /** The API token; without one, the code reads the `API_TOKEN` environment variable. */
  token?: string | undefined;
  /** The POST body: a JSON value, or a string holding a JSON text that is sent exactly as given. */
  payload?: Payload | undefined;
  /** The language shown, for a controlled panel. */
  language?: LanguageId | undefined;
  /**
   * The language shown first, for an uncontrolled panel.
   * @defaultValue 'python'
   */
  defaultLanguage?: LanguageId | undefined;
  /** Called with the language the user picks. */
  onLanguageChange?: ((language: LanguageId) => void) | undefined;
  /** Whether the real token is shown, for a controlled panel. */
  showSecrets?: boolean | undefined;
  /**
   * Whether the real token is shown at first, for an uncontrolled panel.
   * @defaultValue false
   */
  defaultShowSecrets?: boolean | undefined;
  /** Called when the user turns Show secrets on or off. */
  onShowSecretsChange?: ((showSecrets: boolean) => void) | undefined;
  /** Replacements for any of the visible and announced strings. */
  labels?: InferencePanelLabelOverrides | undefined;
}

type Scripts = { readonly [method in HttpMethod]: string };

const methods: readonly HttpMethod[] = ['GET', 'POST'];

/**
 * Renders the Inference tab of a deployed Workload: runnable GET and POST examples in Python and cURL,
 * a language toggle, a Show secrets switch and a copy button.
 */
export function InferencePanel({
  endpoint,
  baseUrl,
  workloadId,
  path,
  headers,
  token,
  payload,
  language: languageProp,
  defaultLanguage = 'python',
  onLanguageChange,
  showSecrets: showSecretsProp,
  defaultShowSecrets = false,
  onShowSecretsChange,
  labels: labelOverrides,
  className,
  ...rootProps
}: InferencePanelProps) {
  const [chosenLanguage, setLanguage] = useControllableState({
    value: languageProp,
    defaultValue: defaultLanguage,
    onChange: onLanguageChange,
    name: 'language',
  });
  const language = knownLanguage(chosenLanguage);

  const [showSecrets, setShowSecrets] = useControllableState({
    value: showSecretsProp,
    defaultValue: defaultShowSecrets,
    onChange: onShowSecretsChange,
    name: 'showSecrets',
  });

  const labels = useMemo(() => resolveLabels(labelOverrides), [labelOverrides]);
  const [copyState, copy] = useCopyToClipboard();
  const codeRef = useRef<HTMLDivElement>(null);
  const captionId = useId();

  const result = useMemo(() => {
    const request = { endpoint, baseUrl, workloadId, path, headers, token, payload };
    const generate = languages[language].generate;

    try {
      const scripts: Scripts = {
        GET: generate(prepareRequest({ ...request, method: 'GET' }, { showSecrets })),
        POST: generate(prepareRequest({ ...request, method: 'POST' }, { showSecrets })),
      };
      return { scripts, error: undefined };
    } catch (error) {
      if (error instanceof SnippetInputError) return { scripts: undefined, error };
      throw error;
    }
  }, [endpoint, baseUrl, workloadId, path, headers, token, payload, language, showSecrets]);

  const copyText = result.scripts === undefined ? '' : joinScripts(result.scripts);

  async function handleCopy() {
    const copied = await copy(copyText);
    if (!copied) selectCode(codeRef.current);
  }

  return (
    <section
      {...rootProps}
      className={className === undefined ? 'inference-panel' : `inference-panel ${className}`}
      data-slot="inference-panel"
      data-language={language}
      data-state={result.error === undefined ? 'ready' : 'invalid'}
    >
      <div data-slot="toolbar">
        <LanguageToggle
          value={language}
          onValueChange={setLanguage}
          label={labels.languageToggle}
          languageLabels={labels.languages}
        />
        <div data-slot="actions">
          <SecretsSwitch
            checked={showSecrets}
            onCheckedChange={setShowSecrets}
            label={labels.showSecrets}
          />
          <CopyButton
            state={copyState}
            onCopy={() => void handleCopy()}
            disabled={result.scripts === undefined}
            label={labels.copy}
            copiedMessage={labels.copied}
            failedMessage={labels.copyFailed}
          />
        </div>
      </div>

      <p data-slot="stable-url-note">{labels.stableUrl}</p>

      {result.error === undefined ? (
        <div ref={codeRef} data-slot="code">
          {methods.map((method) => (
            <figure key={method} data-slot="example" data-method={method.toLowerCase()}>
              <figcaption id={`${captionId}-${method}`} data-slot="example-caption">
                {method === 'GET' ? labels.getExample : labels.postExample}
              </figcaption>
              <CodeBlock
                code={result.scripts[method]}
                grammar={languages[language].grammar}
                captionId={`${captionId}-${method}`}
              />
            </figure>
          ))}
        </div>
      ) : (
        <div role="alert" data-slot="error" data-field={result.error.field}>
          <p data-slot="error-title">{labels.invalidProps}</p>
          <p data-slot="error-message">{labels.formatError(result.error)}</p>
        </div>
      )}
    </section>
  );
}

/** Joins the GET example, a blank line and the POST example into the text that copy copies. */
export function joinScripts(scripts: Scripts): string {
  return `${scripts.GET}\n\n${scripts.POST}`;
}

/** The unknown languages already warned about, so that each is logged once, not every render. */
const warnedLanguages = new Set<string>();

function knownLanguage(language: LanguageId): LanguageId {
  if (Object.hasOwn(languages, language)) return language;

  if (process.env.NODE_ENV !== 'production' && !warnedLanguages.has(language)) {
    warnedLanguages.add(language);
    console.warn(
      `InferencePanel: the language ${JSON.stringify(language)} is not supported, so Python is shown. Expected one of ${languageIds.map((id) => JSON.stringify(id)).join(', ')}.`,
    );
  }
  return 'python';
}

/** Selects the code blocks so that the user can copy them by hand; the captions are unselectable. */
function selectCode(container: HTMLElement | null) {
  const selection = container?.ownerDocument.getSelection();
  if (container === null || selection === null || selection === undefined) return;

  const range = container.ownerDocument.createRange();
  range.selectNodeContents(container);
  selection.removeAllRanges();
  selection.addRange(range);
}
