// Serves the built SPA (dist/) for the end-to-end tests, plus a generated
// /runtime-config.js that points the SPA at the API under test.
//
//   const spa = await startSpaServer({ distDir, host: '127.0.0.1', port: 0, apiOrigin: 'http://localhost:8000' });
//   // browse http://localhost:${spa.port}/ ... then: await spa.close();
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { renderRuntimeConfigScript } from './runtimeConfigScript.js';

export interface SpaServerOptions {
  /** The Vite build output, e.g. app-under-test/spa/dist. */
  distDir: string;
  /** Bind address, e.g. 127.0.0.1. */
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Origin the SPA calls, e.g. http://localhost:8000 (no path, no trailing slash needed). */
  apiOrigin: string;
  /** Renders each page request on the server (the SSR topology); the built index.html as it is otherwise. */
  renderPage?: PageRenderer;
}

/** Turns the built index.html into the page for one request, with headers to add (Set-Cookie passed on, …). */
export type PageRenderer = (
  request: IncomingMessage,
  indexHtml: string,
) => Promise<{ html: string; headers: Record<string, string | string[]> }>;

export interface SpaServer {
  port: number;
  close(): Promise<void>;
}

const HTML = 'text/html; charset=utf-8';
const JAVASCRIPT = 'text/javascript; charset=utf-8';
const TEXT = 'text/plain; charset=utf-8';
const CONTENT_TYPES: Record<string, string> = {
  '.html': HTML,
  '.js': JAVASCRIPT,
  '.mjs': JAVASCRIPT,
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': TEXT,
};

async function readFileIfPresent(path: string): Promise<Buffer | undefined> {
  const info = await stat(path).catch(() => undefined);
  return info?.isFile() ? readFile(path) : undefined;
}

function send(res: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    // Tests rebuild and restart freely; never let the browser reuse a stale file.
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(body);
}

export async function startSpaServer(options: SpaServerOptions): Promise<SpaServer> {
  const distDir = resolve(options.distDir);
  const runtimeConfigScript = renderRuntimeConfigScript(options.apiOrigin);
  const indexPath = resolve(distDir, 'index.html');
  if ((await readFileIfPresent(indexPath)) === undefined) {
    throw new Error(`No index.html in ${distDir}; build the SPA first: npx vite build app-under-test/spa`);
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(res, 405, TEXT, 'Method Not Allowed\n');
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent((req.url ?? '/').split(/[?#]/)[0] ?? '/');
    } catch {
      return send(res, 400, TEXT, 'Bad Request\n');
    }
    // Checked on the decoded path, so %2e%2e and %2f tricks are caught too.
    const filePath = resolve(distDir, '.' + pathname);
    const isInsideDist = filePath === distDir || filePath.startsWith(distDir + sep);
    if (pathname.split(/[/\\]/).includes('..') || pathname.includes('\0') || !isInsideDist) {
      return send(res, 400, TEXT, 'Bad Request\n');
    }

    if (pathname === '/runtime-config.js') return send(res, 200, JAVASCRIPT, runtimeConfigScript);

    const file = await readFileIfPresent(filePath);
    if (file !== undefined) return send(res, 200, CONTENT_TYPES[extname(filePath)] ?? 'application/octet-stream', file);
    // Client-side routes (/dashboard) get the app; missing assets (/x.js) stay 404.
    if (extname(pathname) === '') {
      const index = await readFile(indexPath, 'utf8');
      if (!options.renderPage) return send(res, 200, HTML, index);
      const page = await options.renderPage(req, index);
      for (const [name, value] of Object.entries(page.headers)) res.setHeader(name, value);
      return send(res, 200, HTML, page.html);
    }
    return send(res, 404, TEXT, 'Not Found\n');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, TEXT, `Internal Server Error: ${String(error)}\n`);
      else res.destroy();
    });
  });

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port, options.host, () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });

  let closing: Promise<void> | undefined;
  return {
    port: (server.address() as AddressInfo).port,
    close() {
      closing ??= new Promise<void>((resolveClose, rejectClose) => {
        server.close((error) => (error ? rejectClose(error) : resolveClose()));
        // Browsers keep connections alive; without this close() waits for them to time out.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
