import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RecordedRequest } from '../run/echo-server';

/** An HTTP server on 127.0.0.1 that records requests in the order they arrive. */
export interface BatchServer {
  /** The server's origin, such as `http://127.0.0.1:40123`. */
  readonly origin: string;
  /** Returns the requests recorded since the last call and clears the record. */
  takeRequests(): RecordedRequest[];
  /** Stops the server and ends every open connection. */
  close(): Promise<void>;
}

/**
 * The largest request head the server reads, in bytes. The module accepts a 16 KiB token and
 * 32 KiB of extra headers, which is past Node's default of 16 KiB.
 */
const maxHeadBytes = 256 * 1024;

/**
 * Starts a recording server on 127.0.0.1, on a port the system picks. It records like the echo
 * server of the run tests, and it reads a larger request head.
 */
export async function startBatchServer(): Promise<BatchServer> {
  let requests: RecordedRequest[] = [];
  const server = createServer({ maxHeaderSize: maxHeadBytes }, (request, response) => {
    const chunks: Buffer[] = [];

    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({
        method: request.method ?? '',
        target: request.url ?? '',
        headers: collectHeaders(request.rawHeaders),
        body: Buffer.concat(chunks),
      });
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end('{"received": true}\n');
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });

  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    takeRequests() {
      const recorded = requests;
      requests = [];
      return recorded;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
}

/** Groups raw header lines by lower-cased name, reading the Latin-1 bytes Node gives as UTF-8. */
function collectHeaders(rawHeaders: readonly string[]): Map<string, string[]> {
  const headers = new Map<string, string[]>();

  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = (rawHeaders[index] as string).toLowerCase();
    const value = Buffer.from(rawHeaders[index + 1] as string, 'latin1').toString('utf8');
    const values = headers.get(name) ?? [];

    values.push(value);
    headers.set(name, values);
  }
  return headers;
}
