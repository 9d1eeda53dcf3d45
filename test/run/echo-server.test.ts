import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type EchoServer, startEchoServer } from './echo-server';

/** Sends raw bytes over one connection and resolves with the whole response once it closes. */
function sendRaw(origin: string, bytes: Buffer): Promise<string> {
  const { hostname, port } = new URL(origin);

  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const chunks: Buffer[] = [];

    socket.setTimeout(5000, () => socket.destroy(new Error('The echo server timed out.')));
    socket.on('connect', () => socket.end(bytes));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
  });
}

describe('echo server', () => {
  let server: EchoServer;

  beforeEach(async () => {
    server = await startEchoServer();
  });

  afterEach(async () => {
    await server.close();
  });

  it('listens on 127.0.0.1', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('records the raw request target', async () => {
    const target = '/a/../b/%2e%2E//c%2f?q=a%20b&x=%zz&y=?';
    const request = `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`;

    const response = await sendRaw(server.origin, Buffer.from(request, 'latin1'));

    expect(response.startsWith('HTTP/1.1 200')).toBe(true);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.method).toBe('GET');
    expect(server.requests[0]?.target).toBe(target);
  });

  it('records header names lower-cased and values as UTF-8', async () => {
    const head = Buffer.from(
      'POST / HTTP/1.1\r\nHost: x\r\nX-Mixed-Case: Value\r\nX-Twice: 1\r\nx-twice: 2\r\n',
      'latin1',
    );
    const request = Buffer.concat([
      head,
      Buffer.from('X-Text: café 😀\r\nContent-Length: 0\r\nConnection: close\r\n\r\n', 'utf8'),
    ]);

    await sendRaw(server.origin, request);
    const headers = server.requests[0]?.headers;

    expect(headers?.get('x-mixed-case')).toEqual(['Value']);
    expect(headers?.get('x-twice')).toEqual(['1', '2']);
    expect(headers?.get('x-text')).toEqual(['café 😀']);
  });

  it('records the body bytes unchanged', async () => {
    const body = Buffer.from([0x7b, 0x00, 0xff, 0xc3, 0x0d, 0x0a, 0x27, 0x7d]);
    const head = `POST /p HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`;

    await sendRaw(server.origin, Buffer.concat([Buffer.from(head, 'latin1'), body]));

    expect(server.requests[0]?.body.equals(body)).toBe(true);
  });

  it('removes chunked framing from the body', async () => {
    const request =
      'POST /p HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n' +
      '3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n';

    await sendRaw(server.origin, Buffer.from(request, 'latin1'));

    expect(server.requests[0]?.body.toString('latin1')).toBe('abcde');
  });

  it('takes requests in arrival order', async () => {
    const request = (path: string) =>
      Buffer.from(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`, 'latin1');

    await sendRaw(server.origin, request('/1'));
    await sendRaw(server.origin, request('/2'));
    const firstTwo = server.takeRequests();
    await sendRaw(server.origin, request('/3'));

    expect(firstTwo.map((recorded) => recorded.target)).toEqual(['/1', '/2']);
    expect(server.requests.map((recorded) => recorded.target)).toEqual(['/3']);
    expect(server.takeRequests().map((recorded) => recorded.target)).toEqual(['/3']);
    expect(server.requests).toEqual([]);
  });

  it('reads a request head over 16 KiB', async () => {
    const value = 'a'.repeat(48 * 1024);
    const head = `GET / HTTP/1.1\r\nHost: x\r\nX-Long: ${value}\r\nConnection: close\r\n\r\n`;

    const response = await sendRaw(server.origin, Buffer.from(head, 'latin1'));

    expect(response.startsWith('HTTP/1.1 200')).toBe(true);
    expect(server.requests[0]?.headers.get('x-long')).toEqual([value]);
  });

  it('refuses connections once closed', async () => {
    const { origin } = server;
    await server.close();
    server = await startEchoServer();

    await expect(sendRaw(origin, Buffer.from('GET / HTTP/1.1\r\n\r\n'))).rejects.toThrow(
      /ECONNREFUSED/,
    );
  });
});
