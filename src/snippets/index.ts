export { generateSnippet } from './generate';
export { buildInvokeUrl, type InvokeUrlParts } from './invoke-url';
export { type LanguageDefinition, type LanguageId, languageIds, languages } from './languages';
export { placeholderPayload, type SnippetOptions, secretMask, tokenVariable } from './prepare';
export {
  type HttpMethod,
  type JsonValue,
  type Payload,
  type SnippetField,
  SnippetInputError,
  type SnippetRequest,
} from './request';
