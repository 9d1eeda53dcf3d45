// Node's legacy url.parse and url.format on top of the WHATWG URL class. Only absolute URLs are
// handled, because httpsnippet parses the HAR request's absolute URL.
import { parse as parseQuery, stringify as stringifyQuery } from './querystring.mjs';

export function parse(text, parseQueryString = false) {
  const url = new URL(text);
  const search = url.search === '' ? null : url.search;
  const queryText = search === null ? '' : search.slice(1);
  let query = search === null ? null : queryText;
  if (parseQueryString) query = parseQuery(queryText);
  const auth = url.username === '' ? null : decodeURIComponent(`${url.username}:${url.password}`);

  return {
    protocol: url.protocol,
    slashes: true,
    auth,
    host: url.host,
    port: url.port === '' ? null : url.port,
    hostname: url.hostname,
    hash: url.hash === '' ? null : url.hash,
    search,
    query,
    pathname: url.pathname,
    path: url.pathname + (search ?? ''),
    href: url.href,
  };
}

/** Joins URL parts as Node's url.format does: `search` wins over `query`. */
export function format(parts) {
  const auth = parts.auth ? `${encodeURIComponent(parts.auth).replace('%3A', ':')}@` : '';
  const host = parts.host ?? `${parts.hostname ?? ''}${parts.port ? `:${parts.port}` : ''}`;
  let search = parts.search ?? '';
  if (search === '' && parts.query !== null && typeof parts.query === 'object') {
    search = stringifyQuery(parts.query);
  }
  if (search !== '' && !search.startsWith('?')) search = `?${search}`;

  let hash = parts.hash ?? '';
  if (hash !== '' && !hash.startsWith('#')) hash = `#${hash}`;

  const slashes = parts.slashes ? '//' : '';
  return `${parts.protocol ?? ''}${slashes}${auth}${host}${parts.pathname ?? ''}${search}${hash}`;
}

export const URL = globalThis.URL;
export const URLSearchParams = globalThis.URLSearchParams;
