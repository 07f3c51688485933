import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A tiny HTTP server answering the doctor's requests as a Laravel 12 + Sanctum
// API does (measured on the bundled app): Symfony's Set-Cookie format, the
// web group's session and CSRF check, Sanctum's stateful check on /api, HandleCors.
// Each option is one misconfiguration. It proves the doctor's reading of HTTP,
// nothing about Laravel: the break catalogue proves the kit against the real app.

export interface LaravelLikeOptions {
  /** FRONTEND_URL: the origin config/cors.php allows; SANCTUM_STATEFUL_DOMAINS holds its host:port. */
  frontendUrl: string;
  /** config/session.php same_site, secure, domain, http_only. */
  session?: CookieConfig;
  /** A proxy or middleware adding HttpOnly to XSRF-TOKEN. */
  xsrfHttpOnly?: boolean;
  /** What Access-Control-Allow-Origin says: the request's allowed origin by default, '*', another, or none. */
  allowOrigin?: string | null;
  supportsCredentials?: boolean;
  /** Hosts (host:port) Sanctum treats as stateful: the FRONTEND_URL's by default. */
  statefulDomains?: string[];
  /** validateCsrfTokens(except: [...]). */
  csrfExcept?: string[];
  /** APP_DEBUG=true: error bodies carry exception, file, line, trace. */
  debug?: boolean;
  /** GET /api/user outside auth:sanctum: a guest gets 200 and an empty body. */
  userRouteUnguarded?: boolean;
  /** An exception handler rendering AuthenticationException as a redirect to /login, even for JSON requests. */
  guestsRedirected?: boolean;
  /** The logout controller calls $request->session()->invalidate() (true by default). */
  logoutInvalidates?: boolean;
  user?: { email: string; password: string };
}

/** config/session.php: same_site (null omits the attribute), secure, domain, http_only. */
export interface CookieConfig {
  sameSite?: string | null;
  secure?: boolean;
  domain?: string;
  httpOnly?: boolean;
}

export interface LaravelLikeApi {
  origin: string;
  close(): Promise<void>;
}

interface Session {
  token: string;
  email?: string;
}

const SESSION_COOKIE = 'laravel-session';

/** A Set-Cookie as Symfony's Cookie::__toString() writes it: value URL-encoded, then expires, Max-Age, path, … */
export function laravelSetCookie(name: string, value: string, options: CookieConfig & { httpOnly: boolean }): string {
  const expires = new Date(Date.now() + 7_200_000).toUTCString();
  const attributes = [`expires=${expires}`, 'Max-Age=7200', 'path=/'];
  if (options.domain) attributes.push(`domain=${options.domain}`);
  if (options.secure) attributes.push('secure');
  if (options.httpOnly) attributes.push('httponly');
  if (options.sameSite !== null) attributes.push(`samesite=${options.sameSite ?? 'lax'}`);
  return [`${name}=${encodeURIComponent(value)}`, ...attributes].join('; ');
}

export async function startLaravelLikeApi(options: LaravelLikeOptions): Promise<LaravelLikeApi> {
  const sessions = new Map<string, Session>();
  const statefulDomains = options.statefulDomains ?? [new URL(options.frontendUrl).host];

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => answer(request, Buffer.concat(chunks).toString(), response));
  });

  function answer(request: http.IncomingMessage, body: string, response: http.ServerResponse): void {
    const path = new URL(request.url ?? '/', 'http://api').pathname;
    const headers: http.OutgoingHttpHeaders = corsHeaders(request);
    const send = (status: number, json?: unknown, extra: http.OutgoingHttpHeaders = {}) => {
      const type = json === undefined ? {} : { 'content-type': 'application/json' };
      response.writeHead(status, { ...headers, ...type, ...extra }).end(json === undefined ? '' : JSON.stringify(json));
    };
    if (request.method === 'OPTIONS') return send(204, undefined, preflightHeaders(request));
    const web = path === '/sanctum/csrf-cookie' || path === '/login' || path === '/logout';
    const stateful = web || (path.startsWith('/api/') && isStateful(request));
    const session = stateful ? sessionOf(request) : undefined;
    const finish = (status: number, json?: unknown, extra: http.OutgoingHttpHeaders = {}) => {
      if (session) headers['set-cookie'] = cookiesFor(session.id, session.state);
      send(status, json, extra);
    };
    if (request.method === 'POST' && web && !options.csrfExcept?.includes(path.slice(1))) {
      if (request.headers['x-xsrf-token'] !== session!.state.token)
        return finish(419, errorBody('CSRF token mismatch.'));
    }
    if (path === '/sanctum/csrf-cookie' && request.method === 'GET') return finish(204);
    if (path === '/login' && request.method === 'POST') return login(session!, JSON.parse(body || '{}'), finish);
    if (path === '/logout' && request.method === 'POST') return logout(session!, finish);
    if (path === '/api/user' && request.method === 'GET') {
      const email = session?.state.email;
      if (email) return finish(200, { id: 1, name: 'Test User', email });
      if (options.userRouteUnguarded) return finish(200);
      if (options.guestsRedirected || !wantsJson(request))
        return finish(302, undefined, { location: `http://${request.headers.host}/login` });
      return finish(401, { message: 'Unauthenticated.' });
    }
    return finish(404, errorBody(`The route ${path.slice(1)} could not be found.`));
  }

  /** An HttpException's body; with APP_DEBUG=true the handler adds where it was thrown. */
  function errorBody(message: string): Record<string, unknown> {
    if (!options.debug) return { message };
    const file = '/var/www/vendor/laravel/framework/src/Illuminate/Foundation/Exceptions/Handler.php';
    return {
      message,
      exception: 'Symfony\\Component\\HttpKernel\\Exception\\HttpException',
      file,
      line: 673,
      trace: [],
    };
  }

  type Finish = (status: number, json?: unknown, extra?: http.OutgoingHttpHeaders) => void;

  function login(
    session: { id: string; state: Session },
    credentials: { email?: string; password?: string },
    finish: Finish,
  ): void {
    const user = options.user;
    if (!user || credentials.email !== user.email || credentials.password !== user.password) {
      return finish(422, {
        message: 'These credentials do not match our records.',
        errors: { email: ['These credentials do not match our records.'] },
      });
    }
    // $request->session()->regenerate(): a new id and a new CSRF token.
    sessions.delete(session.id);
    session.id = newId();
    session.state = { token: newId(), email: user.email };
    sessions.set(session.id, session.state);
    finish(204);
  }

  function logout(session: { id: string; state: Session }, finish: Finish): void {
    if (!session.state.email) return finish(401, { message: 'Unauthenticated.' });
    delete session.state.email;
    if (options.logoutInvalidates ?? true) {
      sessions.delete(session.id);
      session.id = newId();
      session.state = { token: newId() };
      sessions.set(session.id, session.state);
    } else {
      session.state.token = newId();
    }
    finish(204);
  }

  function sessionOf(request: http.IncomingMessage): { id: string; state: Session } {
    const id = cookiesOf(request)[SESSION_COOKIE];
    const known = id === undefined ? undefined : sessions.get(id);
    if (id !== undefined && known) return { id, state: known };
    const fresh = { id: newId(), state: { token: newId() } };
    sessions.set(fresh.id, fresh.state);
    return fresh;
  }

  function cookiesFor(id: string, state: Session): string[] {
    const session = options.session ?? {};
    return [
      laravelSetCookie('XSRF-TOKEN', state.token, { ...session, httpOnly: options.xsrfHttpOnly ?? false }),
      laravelSetCookie(SESSION_COOKIE, id, { ...session, httpOnly: session.httpOnly ?? true }),
    ];
  }

  /** EnsureFrontendRequestsAreStateful: the Referer's host:port, else the Origin's, among the stateful domains. */
  function isStateful(request: http.IncomingMessage): boolean {
    const from = request.headers.referer ?? request.headers.origin;
    return from !== undefined && statefulDomains.includes(new URL(from).host);
  }

  function corsHeaders(request: http.IncomingMessage): http.OutgoingHttpHeaders {
    const origin = request.headers.origin;
    const allowed =
      options.allowOrigin === undefined ? (origin === options.frontendUrl ? origin : undefined) : options.allowOrigin;
    return {
      ...(allowed ? { 'access-control-allow-origin': allowed } : {}),
      ...((options.supportsCredentials ?? true) && allowed ? { 'access-control-allow-credentials': 'true' } : {}),
    };
  }

  function preflightHeaders(request: http.IncomingMessage): http.OutgoingHttpHeaders {
    return {
      'access-control-allow-methods': String(request.headers['access-control-request-method'] ?? ''),
      'access-control-allow-headers': String(request.headers['access-control-request-headers'] ?? ''),
    };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function wantsJson(request: http.IncomingMessage): boolean {
  return (request.headers.accept ?? '').includes('json');
}

function cookiesOf(request: http.IncomingMessage): Record<string, string> {
  const pairs = (request.headers.cookie ?? '').split(';').map((pair) => pair.trim().split('='));
  return Object.fromEntries(
    pairs.filter((pair) => pair.length === 2).map(([name, value]) => [name, decodeURIComponent(value)]),
  );
}

function newId(): string {
  return randomBytes(20).toString('hex');
}
