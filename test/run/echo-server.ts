import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the echo server received it. */
export interface RecordedRequest {
  readonly method: string;
  /** The request target exactly as on the request line, neither decoded nor normalized. */
  readonly target: string;
  /** Header values by lower-cased name, in the order received, decoded as UTF-8. */
  readonly headers: ReadonlyMap<string, readonly string[]>;
  /** The body bytes as received, after any chunked framing is removed. */
  readonly body: Buffer;
}

/** An HTTP server on 127.0.0.1 that records every request and responds to each with 200. */
export interface EchoServer {
  /** The server's origin, such as `http://127.0.0.1:40123`. */
  readonly origin: string;
  /** The requests recorded since the start or the last {@link EchoServer.takeRequests}. */
  readonly requests: readonly RecordedRequest[];
  /** Returns the requests recorded so far, in the order they arrived, and clears the record. */
  takeRequests(): RecordedRequest[];
  /** Stops the server and ends every open connection. */
  close(): Promise<void>;
}

/**
 * The largest request head the server reads, in bytes. The module accepts a 16 KiB token and
 * 32 KiB of extra headers, which is past Node's default of 16 KiB.
 */
const maxHeadBytes = 256 * 1024;

/** Starts an echo server on 127.0.0.1, on a port the system picks. */
export async function startEchoServer(): Promise<EchoServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer({ maxHeaderSize: maxHeadBytes }, (request, response) => {
    recordRequest(request, response, requests);
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
    requests,
    takeRequests: () => requests.splice(0),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
}

function recordRequest(
  request: IncomingMessage,
  response: ServerResponse,
  requests: RecordedRequest[],
): void {
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
}

/**
 * Groups raw header lines by lower-cased name. Node decodes header bytes as Latin-1, so encoding
 * each value back to Latin-1 gives the bytes on the wire, which are then read as UTF-8.
 */
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
