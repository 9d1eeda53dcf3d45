export { InferencePanel, type InferencePanelProps } from './components/inference-panel';
export {
  defaultLabels,
  type InferencePanelLabelOverrides,
  type InferencePanelLabels,
} from './components/labels';
export { generateSnippet } from './snippets/generate';
export { buildInvokeUrl, type InvokeUrlParts } from './snippets/invoke-url';
export { type LanguageId, languageIds } from './snippets/languages';
export {
  placeholderPayload,
  type SnippetOptions,
  secretMask,
  tokenVariable,
} from './snippets/prepare';
export {
  type HttpMethod,
  type JsonValue,
  type Payload,
  type SnippetField,
  SnippetInputError,
  type SnippetRequest,
} from './snippets/request';
