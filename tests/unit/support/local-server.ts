import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (request: http.IncomingMessage, response: http.ServerResponse) => void | Promise<void>;

export interface LocalServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  port: number;
  close(): Promise<void>;
}

/** A page at / (a blank HTML document) and the given routes by pathname; 404 otherwise. */
export async function startLocalServer(routes: Record<string, Route> = {}): Promise<LocalServer> {
  const server = http.createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const route = routes[pathname] ?? (pathname === '/' ? page : notFound);
    Promise.resolve(route(request, response)).catch((error: Error) => response.destroy(error));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Held responses would keep close() waiting.
        server.closeAllConnections();
      }),
  };
}

export function json(response: http.ServerResponse, body: unknown, headers: http.OutgoingHttpHeaders = {}): void {
  response.writeHead(200, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

const page: Route = (_request, response) => {
  response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>page</title>');
};

const notFound: Route = (_request, response) => {
  response.writeHead(404).end();
};

/** A promise settled from outside: the test releases what a route awaits. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}
