// httpsnippet 3 as a browser page would use it: writes code for one HAR request.
import { HTTPSnippet } from 'httpsnippet';

export function generate(har, target, client) {
  return new HTTPSnippet(har).convert(target, client);
}
