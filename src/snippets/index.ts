export { generateSnippet } from './generate.js';
export { buildInvokeUrl, type InvokeUrlParts } from './invoke-url.js';
export { type LanguageDefinition, type LanguageId, languageIds, languages } from './languages.js';
export { placeholderPayload, type SnippetOptions, secretMask, tokenVariable } from './prepare.js';
export {
  type HttpMethod,
  type JsonValue,
  type Payload,
  type SnippetField,
  SnippetInputError,
  type SnippetRequest,
} from './request.js';
