// @readme/httpsnippet as a browser page would use it: writes code for one HAR request.
import { HTTPSnippet } from '@readme/httpsnippet';

export function generate(har, target, client) {
  const output = new HTTPSnippet(har).convert(target, client);
  return Array.isArray(output) ? output[0] : output;
}
