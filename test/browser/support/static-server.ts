import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

/** A static file server on 127.0.0.1. `close` stops it and its open connections. */
export interface StaticServer {
  readonly server: Server;
  /** The port the server listens on, picked by the system. */
  readonly port: number;
  /** `http://127.0.0.1:{port}` */
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * Serves the files under `rootDir` on 127.0.0.1 with a port the system picks. A path that names
 * a directory serves its index.html. `pages` maps URL paths to generated HTML, which wins over
 * files.
 */
export async function startStaticServer(
  rootDir: string,
  pages: ReadonlyMap<string, () => string | Promise<string>> = new Map(),
): Promise<StaticServer> {
  const server = createServer((request, response) => {
    void respond(rootDir, pages, request.url ?? '/').then(
      ({ status, type, body }) => {
        response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
        response.end(body);
      },
      (error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        response.end(`Failed to serve ${request.url}: ${String(error)}`);
      },
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    server,
    port,
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}

interface Response {
  status: number;
  type: string;
  body: string | Buffer;
}

async function respond(
  rootDir: string,
  pages: ReadonlyMap<string, () => string | Promise<string>>,
  url: string,
): Promise<Response> {
  const pathname = decodeURIComponent(new URL(url, 'http://127.0.0.1').pathname);
  const page = pages.get(pathname);
  if (page !== undefined) {
    return { status: 200, type: contentTypes['.html'] as string, body: await page() };
  }

  const filePath = normalize(join(rootDir, pathname));
  if (filePath !== rootDir && !filePath.startsWith(rootDir + sep)) {
    return notFound(pathname);
  }

  const info = await stat(filePath).catch(() => undefined);
  const resolvedPath = info?.isDirectory() === true ? join(filePath, 'index.html') : filePath;
  const body = await readFile(resolvedPath).catch(() => undefined);
  if (body === undefined) return notFound(pathname);

  const type = contentTypes[extname(resolvedPath)] ?? 'application/octet-stream';
  return { status: 200, type, body };
}

function notFound(pathname: string): Response {
  return { status: 404, type: 'text/plain; charset=utf-8', body: `Not found: ${pathname}` };
}
