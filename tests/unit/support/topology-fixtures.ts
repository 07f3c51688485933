import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { promisify } from 'node:util';
import { test as base } from '@playwright/test';
import { ownedName, scratchDir } from '../../../fixtures/runtime/process/scratch-dir.ts';
import { makeLocalTls, type LocalTls } from '../../../fixtures/runtime/topology/local-tls.ts';

// The real nginx the topologies run, judged on its generated config (read
// where nginx.ts writes it, while it runs), on `nginx -t`, and on what the
// servers behind it receive.

/** The names the worker's certificate covers: the https topology's, and a twin's SPA on another domain. */
const CERTIFIED_HOSTS = ['api.example.test', 'app.example.test', 'app.other.test'];

export interface Upstream {
  name: string;
  port: number;
  close(): Promise<void>;
}

/** What a loopback server behind nginx answers: who it is and what it received. */
interface Echo {
  server: string;
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The echo when an upstream answered, else undefined (nginx's own error page). */
  echo?: Echo;
}

interface TopologyFixtures {
  /** A loopback server answering every request with an Echo, with `status` (200 by default). */
  upstream: (name: string, status?: number) => Promise<Upstream>;
  /** Registers what a test started: stopped when the test ends, whatever happened. */
  running: <T extends { stop(): Promise<void> }>(started: Promise<T>) => Promise<T>;
}

interface WorkerFixtures {
  /** Fails every test of the worker, with the install command, when nginx is missing: never a skip. */
  nginxInstalled: void;
  /** The worker's CA and certificate for CERTIFIED_HOSTS, made as the kit makes a run's (mkcert). */
  localTls: LocalTls;
}

export const test = base.extend<TopologyFixtures, WorkerFixtures>({
  nginxInstalled: [
    async ({}, use) => {
      await promisify(execFile)('nginx', ['-v']).catch((error: NodeJS.ErrnoException) => {
        const why = error.code === 'ENOENT' ? 'no nginx on PATH' : error.message;
        throw new Error(
          `nginx is not installed (${why}): apt-get install nginx` +
            ' (the kit installs nginx-light: bash scripts/install-machine.sh). The topology tests run the real nginx.',
        );
      });
      await use();
    },
    { scope: 'worker', auto: true },
  ],
  localTls: [
    async ({}, use) => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'kit-unit-tls-'));
      await use(await makeLocalTls(path.join(dir, 'tls'), CERTIFIED_HOSTS));
      await rm(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  upstream: async ({}, use) => {
    const started: Upstream[] = [];
    await use(async (name, status = 200) => {
      const upstream = await startEcho(name, status);
      started.push(upstream);
      return upstream;
    });
    await Promise.all(started.map((upstream) => upstream.close()));
  },
  running: async ({}, use) => {
    const started: { stop(): Promise<void> }[] = [];
    await use(async (starting) => {
      const running = await starting;
      started.push(running);
      return running;
    });
    await Promise.all(started.map((running) => running.stop()));
  },
});

export { expect } from '@playwright/test';

async function startEcho(name: string, status: number): Promise<Upstream> {
  const server = http.createServer((request, response) => {
    const echo: Echo = {
      server: name,
      method: request.method ?? '',
      path: request.url ?? '',
      headers: request.headers,
    };
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(echo));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    name,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The nginx.conf the kit's nginx on `port` runs with: in its prefix in the scratch folder, while it runs. */
export function generatedConfig(port: number): Promise<string> {
  return readFile(path.join(scratchDir('topology'), ownedName(`nginx-${port}`), 'nginx.conf'), 'utf8');
}

/** `nginx -t` on the config of the kit's nginx on `port`: nginx's own verdict (rejects with its words). */
export async function nginxTest(port: number): Promise<string> {
  const prefix = path.join(scratchDir('topology'), ownedName(`nginx-${port}`));
  const args = ['-t', '-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-e', path.join(prefix, 'error.log')];
  const { stderr } = await promisify(execFile)('nginx', args);
  return stderr;
}

/** Each `server { … }` block of an nginx config, braces matched. */
export function serverBlocks(config: string): string[] {
  const blocks: string[] = [];
  for (let start = config.indexOf('server {'); start !== -1; start = config.indexOf('server {', start + 1)) {
    let depth = 0;
    for (let index = config.indexOf('{', start); index < config.length; index++) {
      depth += config[index] === '{' ? 1 : config[index] === '}' ? -1 : 0;
      if (depth === 0) {
        blocks.push(config.slice(start, index + 1));
        break;
      }
    }
  }
  return blocks;
}

/** The block whose server_name is `name`. */
export function blockFor(config: string, name: string): string | undefined {
  return serverBlocks(config).find((block) => block.includes(`server_name ${name};`));
}

/** A request to 127.0.0.1:port as a browser asks for `host` (its Host header; over TLS, its SNI too). */
export function ask(
  port: number,
  host: string,
  { method = 'GET', path: requestPath = '/', ca }: { method?: string; path?: string; ca?: string } = {},
): Promise<Answer> {
  const options = { host: '127.0.0.1', port, method, path: requestPath, headers: { host: `${host}:${port}` } };
  const request = ca ? https.request({ ...options, servername: host, ca }) : http.request(options);
  return answerOf(request);
}

/** A plain http request through a forward proxy, in absolute form, as Node clients behind a proxy send it. */
export function askThroughProxy(proxyPort: number, url: string): Promise<Answer> {
  return answerOf(
    http.request({ host: '127.0.0.1', port: proxyPort, path: url, headers: { host: new URL(url).host } }),
  );
}

/** CONNECT host:port through the proxy: the tunnel's socket, or the proxy's refusal status. */
export function tunnel(proxyPort: number, target: string): Promise<{ status: number; socket: Socket }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port: proxyPort, method: 'CONNECT', path: target });
    request.once('connect', (response, socket) => resolve({ status: response.statusCode ?? 0, socket }));
    request.once('error', reject);
    request.end();
  });
}

/** A request over an open tunnel, with TLS to `host` when a CA is given. */
export function askThroughTunnel(
  socket: Socket,
  host: string,
  port: number,
  { path: requestPath = '/', ca }: { path?: string; ca?: string } = {},
): Promise<Answer> {
  const headers = { host: `${host}:${port}` };
  const request = ca
    ? https.request({
        host,
        port,
        path: requestPath,
        headers,
        createConnection: () => tls.connect({ socket, servername: host, ca }),
      })
    : http.request({ host, port, path: requestPath, headers, createConnection: () => socket });
  return answerOf(request);
}

function answerOf(request: http.ClientRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    request.once('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('end', () => {
        const body = Buffer.concat(chunks).toString();
        const isEcho = (response.headers['content-type'] ?? '').includes('json');
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          echo: isEcho ? (JSON.parse(body) as Echo) : undefined,
        });
      });
    });
    request.once('error', reject);
    request.end();
  });
}
