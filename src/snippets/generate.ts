import { type LanguageId, languages } from './languages.js';
import { prepareRequest, type SnippetOptions } from './prepare.js';
import type { SnippetRequest } from './request.js';

/**
 * Writes runnable code in `language` that sends `request`. Throws a {@link SnippetInputError}
 * for invalid input; the message names the field and never contains the token.
 */
export function generateSnippet(
  request: SnippetRequest,
  language: LanguageId,
  options: SnippetOptions = {},
): string {
  return languages[language].generate(prepareRequest(request, options));
}
