export { InferencePanel, type InferencePanelProps } from './components/inference-panel.js';
export {
  defaultLabels,
  type InferencePanelLabelOverrides,
  type InferencePanelLabels,
} from './components/labels.js';
export { generateSnippet } from './snippets/generate.js';
export { buildInvokeUrl, type InvokeUrlParts } from './snippets/invoke-url.js';
export { type LanguageId, languageIds } from './snippets/languages.js';
export {
  placeholderPayload,
  type SnippetOptions,
  secretMask,
  tokenVariable,
} from './snippets/prepare.js';
export {
  type HttpMethod,
  type JsonValue,
  type Payload,
  type SnippetField,
  SnippetInputError,
  type SnippetRequest,
} from './snippets/request.js';
