import { test, expect } from '@playwright/test';
import { diagnose } from 'sanctum-spa-kit/diagnosis';
import type { Exchange } from 'sanctum-spa-kit';
import { API, csrfCookie, evidence, exchange, SPA, TOKEN } from './support/diagnosis-evidence.ts';

// Each rule names a cause only on evidence specific to it, and reads the
// setting it blames when the app's facts are there; without such evidence the
// answer is "cause not identified" with the first anomaly, never a guess.

const facts = { sessionCookieName: 'laravel-session' };
const login500 = exchange('POST', '/login', {
  status: 500,
  cookies: ['laravel-session'],
  json: { message: 'Server Error' },
});

test('a 500 the app logged as a missing table is named by its exception, never as CSRF not enforced', () => {
  const loggedExceptions = [
    {
      level: 'ERROR',
      exceptionClass: 'Illuminate\\Database\\QueryException',
      message: 'SQLSTATE[HY000]: General error: 1 no such table: sessions (Connection: sqlite, SQL: select …)',
    },
  ];
  const withConfig = { ...facts, config: { session: { driver: 'database', table: 'sessions' } } };
  const diagnosis = diagnose(evidence([csrfCookie, login500], { loggedExceptions, facts: withConfig as never }));
  expect(diagnosis?.id).toBe('server-exception');
  expect(diagnosis?.cause).toContain('no such table: sessions');
  expect(diagnosis?.fix).toContain('"sessions"');
  expect(diagnosis?.fix).toContain('SESSION_DRIVER=database');
});

test('a 500 with no log to read is an honest unknown naming the status and the body, not a guessed cause', () => {
  const diagnosis = diagnose(evidence([csrfCookie, login500]));
  expect(diagnosis?.id).toBe('cause-not-identified');
  expect(diagnosis?.cause).toContain('POST /login answered 500 "Server Error"');
  expect(diagnosis?.fix).toContain('backend log');
});

const blockedLogin: Exchange = {
  ...exchange('POST', '/login', {
    sent: { 'x-xsrf-token': TOKEN, 'content-type': 'application/json' },
    cookies: ['laravel-session'],
  }),
  failure: 'net::ERR_FAILED',
};

test('a preflight whose Allow-Headers lacks the X-XSRF-TOKEN the SPA sent names the header and the config', () => {
  const preflight = {
    status: 204,
    allowOrigin: SPA,
    allowCredentials: 'true',
    allowMethods: 'GET, POST',
    allowHeaders: 'content-type, accept, x-requested-with',
    anyCorsHeader: true,
  };
  const withCors = { ...facts, config: { cors: { allowed_headers: ['Content-Type', 'Accept', 'X-Requested-With'] } } };
  const diagnosis = diagnose(evidence([csrfCookie, blockedLogin], { preflight, facts: withCors as never }));
  expect(diagnosis?.id).toBe('cors-header-not-allowed');
  expect(diagnosis?.cause).toContain('x-xsrf-token');
  expect(diagnosis?.cause).toContain(
    "config('cors.allowed_headers') is ['Content-Type', 'Accept', 'X-Requested-With']",
  );
});

test('a preflight the CORS middleware never answered: the paths are read before they are blamed', () => {
  const preflight = { status: 405, anyCorsHeader: false };
  const uncovered = { ...facts, config: { cors: { paths: ['api/*', 'sanctum/csrf-cookie'] } } };
  expect(diagnose(evidence([csrfCookie, blockedLogin], { preflight, facts: uncovered as never }))?.id).toBe(
    'cors-path-not-covered',
  );
  const covered = {
    ...facts,
    config: { cors: { paths: ['api/*', 'sanctum/csrf-cookie', 'login', 'logout'] } },
    middleware: { global: ['Illuminate\\Foundation\\Http\\Middleware\\TrimStrings'], groups: {} },
  };
  expect(diagnose(evidence([csrfCookie, blockedLogin], { preflight, facts: covered as never }))?.id).toBe(
    'cors-middleware-missing',
  );
});

test('a preflight that allows the request blames no CORS setting: the blocked request is the first anomaly', () => {
  const preflight = {
    status: 204,
    allowOrigin: SPA,
    allowCredentials: 'true',
    allowMethods: 'POST',
    allowHeaders: 'x-xsrf-token, content-type',
    anyCorsHeader: true,
  };
  const diagnosis = diagnose(evidence([csrfCookie, blockedLogin], { preflight }));
  expect(diagnosis?.id).toBe('cause-not-identified');
  expect(diagnosis?.cause).toContain('POST /login got no answer');
});

test("a cookie Chromium withheld for its Path is named with Chromium's reason and session.path", () => {
  const cookieVerdicts = [
    {
      method: 'POST',
      url: `${API}/login`,
      direction: 'sent' as const,
      name: 'laravel-session',
      reasons: ['NotOnPath'],
      attributes: { path: '/api', httpOnly: true },
    },
  ];
  const withPath = { ...facts, config: { session: { path: '/api' } } };
  const login = exchange('POST', '/login', { status: 419, sent: { 'x-xsrf-token': TOKEN } });
  const diagnosis = diagnose(evidence([csrfCookie, login], { cookieVerdicts, facts: withPath as never }));
  expect(diagnosis?.id).toBe('cookie-path-mismatch');
  expect(diagnosis?.cause).toContain('NotOnPath');
  expect(diagnosis?.cause).toContain(`config('session.path') is "/api"`);
});

test('a session cookie set with Max-Age=0 expired on arrival: SESSION_LIFETIME', () => {
  const expired = exchange('GET', '/sanctum/csrf-cookie', {
    status: 204,
    setCookies: ['laravel-session=abc; max-age=0; path=/; httponly; samesite=lax'],
  });
  const diagnosis = diagnose(evidence([expired, exchange('POST', '/login', { status: 419 })]));
  expect(diagnosis?.id).toBe('cookie-expired-on-arrival');
  expect(diagnosis?.fix).toContain('SESSION_LIFETIME');
});

test('the SPA calling the API on another host name is named from the call it made', () => {
  const otherOriginCalls = [
    {
      method: 'GET',
      url: API.replace('localhost', '127.0.0.1') + '/sanctum/csrf-cookie',
      resourceType: 'fetch',
      status: 204,
    },
  ];
  const diagnosis = diagnose(evidence([], { otherOriginCalls }));
  expect(diagnosis?.id).toBe('spa-calls-other-origin');
  expect(diagnosis?.cause).toContain('127.0.0.1');
});

test("an SPA that never asked /sanctum/csrf-cookie: its login's token is traced to the answer it came from", () => {
  const guest = exchange('GET', '/api/user', {
    status: 401,
    setCookies: [
      `XSRF-TOKEN=${encodeURIComponent(TOKEN)}; path=/; samesite=lax`,
      'laravel-session=abc; path=/; httponly',
    ],
  });
  const login = exchange('POST', '/login', {
    status: 204,
    sent: { 'x-xsrf-token': TOKEN },
    cookies: ['laravel-session'],
  });
  const diagnosis = diagnose(evidence([guest, login]));
  expect(diagnosis?.id).toBe('csrf-cookie-not-requested');
  expect(diagnosis?.cause).toContain("came from GET /api/user's answer");
});

test('a 401 after login is not blamed on stateful settings the app shows are right', () => {
  const login = exchange('POST', '/login', {
    status: 204,
    sent: { 'x-xsrf-token': TOKEN },
    cookies: ['laravel-session'],
  });
  const user = exchange('GET', '/api/user', { status: 401, cookies: ['laravel-session'] });
  const right = {
    ...facts,
    statefulDomains: [new URL(SPA).host],
    apiMiddlewareGroup: ['Laravel\\Sanctum\\Http\\Middleware\\EnsureFrontendRequestsAreStateful'],
  };
  expect(diagnose(evidence([csrfCookie, login, user], { facts: right }))?.id).toBe('cause-not-identified');
  const wrong = { ...right, statefulDomains: ['localhost'] };
  expect(diagnose(evidence([csrfCookie, login, user], { facts: wrong }))?.id).toBe('not-stateful');
});

test('CSRF not enforced: proven only by a processed answer, and the exemption read from the app', () => {
  const unverified = exchange('POST', '/login', { status: 204, cookies: ['laravel-session'] });
  const exempt = { ...facts, csrfExcept: ['login'] };
  const diagnosis = diagnose(evidence([csrfCookie, unverified], { facts: exempt }));
  expect(diagnosis?.id).toBe('csrf-not-enforced');
  expect(diagnosis?.cause).toContain("exempts 'login'");
  expect(diagnose(evidence([csrfCookie, login500]))?.id).not.toBe('csrf-not-enforced');
});
