import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What OUTBOUND_ALLOW_LIST must say for figure pulls and webhooks to reach these servers. */
export const loopbackAllowed = ['127.0.0.1'];

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface LoopbackServer {
  url: string;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

export type Handler = (request: ReceivedRequest) => { status: number; body?: string } | null;

/**
 * An HTTP server on 127.0.0.1 for tests: it records every request and answers with what the
 * handler returns; a null answer never responds (for time-outs).
 */
export async function startLoopbackServer(handler: Handler): Promise<LoopbackServer> {
  const received: ReceivedRequest[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry = {
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(entry);
      const answer = handler(entry);
      if (answer) response.writeHead(answer.status).end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
