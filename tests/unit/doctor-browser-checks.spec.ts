import { test, expect } from '@playwright/test';
import type { BrowserFetch, BrowserProbe, StoredCookie } from '../../fixtures/tools/doctor/browser/browser-probe.ts';
import {
  browserCookiesAccepted,
  browserCors,
  browserXsrfReadable,
} from '../../fixtures/tools/doctor/checks/browser.ts';
import { apiAnswer, failure, probedContext } from './support/doctor-probes.ts';
import { laravelSetCookie } from './support/laravel-like-api.ts';

// The checks judging one headless Chromium run, from what Chromium reports
// over CDP (Network.loadingFailed's corsError, responseReceivedExtraInfo's
// blockedCookies). doctor-run.spec.ts drives a real Chromium.

const API = 'http://localhost:8000';
const SPA = 'http://localhost:5173';
const COOKIE_NAMES = ['XSRF-TOKEN', 'laravel-session'];

const csrfCookieAnswer = apiAnswer('GET /sanctum/csrf-cookie', 204, {
  setCookies: [
    laravelSetCookie('XSRF-TOKEN', 't', { httpOnly: false }),
    laravelSetCookie('laravel-session', 's', { httpOnly: true }),
  ],
});

const stored = (name: string, rest: Partial<StoredCookie> = {}): StoredCookie => ({
  name,
  httpOnly: name !== 'XSRF-TOKEN',
  secure: false,
  sameSite: 'Lax',
  domain: 'localhost',
  ...rest,
});

function fetched(
  path: string,
  status: number | undefined,
  network: Partial<BrowserFetch['network']> = {},
): BrowserFetch {
  const failed = status === undefined ? { error: 'TypeError: Failed to fetch' } : { status };
  return { url: `${API}${path}`, ...failed, network: { setCookieNames: [], blockedCookies: [], ...network } };
}

/** A Chromium run where everything went right, but for `changes`. */
function chromiumRun(changes: Partial<Extract<BrowserProbe, { stage: 'done' }>> = {}): BrowserProbe {
  return {
    stage: 'done',
    csrfCookie: fetched('/sanctum/csrf-cookie', 204, { setCookieNames: COOKIE_NAMES }),
    storedCookies: COOKIE_NAMES.map((name) => stored(name)),
    documentCookieNames: ['XSRF-TOKEN'],
    currentUser: fetched('/api/user', 401),
    ...changes,
  };
}

const judged = (browser: BrowserProbe) => probedContext({ csrfCookie: csrfCookieAnswer, browser });

test('a run where Chromium read both answers, kept both cookies and shows XSRF-TOKEN passes all three', async () => {
  const context = judged(chromiumRun());
  expect(await browserCors.run(context)).toEqual({
    status: 'pass',
    title: "Chromium: the SPA page can read the API's answers (csrf-cookie 204, /api/user 401)",
  });
  expect(await browserCookiesAccepted.run(context)).toEqual({ status: 'pass' });
  expect(await browserXsrfReadable.run(context)).toEqual({ status: 'pass' });
});

test("cookies refused for SameSite=None without Secure are named with Chromium's reason and the fix", async () => {
  const refused = COOKIE_NAMES.map((name) => ({ name, reasons: ['SameSiteNoneInsecure'] }));
  const run = chromiumRun({
    csrfCookie: fetched('/sanctum/csrf-cookie', 204, { setCookieNames: COOKIE_NAMES, blockedCookies: refused }),
    storedCookies: [],
    documentCookieNames: [],
  });
  const { saw, fix } = failure(await browserCookiesAccepted.run(judged(run)));
  expect(saw).toBe(
    'fetch(/sanctum/csrf-cookie) from the SPA page: Chromium did not keep XSRF-TOKEN, laravel-session; refused' +
      ' XSRF-TOKEN: SameSite=None without Secure (SameSiteNoneInsecure);' +
      ' laravel-session: SameSite=None without Secure (SameSiteNoneInsecure)',
  );
  expect(fix).toBe('SESSION_SAME_SITE=lax, or SESSION_SECURE_COOKIE=true with the API on https');
});

test('an answer that carried no Set-Cookie at all is told apart from a refusal', async () => {
  const run = chromiumRun({
    csrfCookie: fetched('/sanctum/csrf-cookie', 204, { setCookieNames: [] }),
    storedCookies: [],
  });
  const { saw } = failure(await browserCookiesAccepted.run(judged(run)));
  expect(saw).toContain('no refusal reported: the response carried no Set-Cookie for them');
});

test('an XSRF-TOKEN Chromium keeps as HttpOnly is missing from document.cookie, and named so', async () => {
  const run = chromiumRun({
    storedCookies: [stored('XSRF-TOKEN', { httpOnly: true }), stored('laravel-session')],
    documentCookieNames: [],
  });
  const { saw, fix } = failure(await browserXsrfReadable.run(judged(run)));
  expect(saw).toBe(`document.cookie on ${SPA} shows no cookies: XSRF-TOKEN is HttpOnly`);
  expect(fix).toContain('XSRF-TOKEN must not be HttpOnly');
});

test('an XSRF-TOKEN held for the API host, not the SPA host: the SESSION_DOMAIN covering both is the fix', async () => {
  const run = chromiumRun({
    storedCookies: [stored('XSRF-TOKEN', { domain: 'api.example.test' })],
    documentCookieNames: [],
  });
  const context = probedContext(
    { csrfCookie: csrfCookieAnswer, browser: run },
    { api: 'https://api.example.test', spa: 'https://app.example.test' },
  );
  const { saw, fix } = failure(await browserXsrfReadable.run(context));
  expect(saw).toContain('Chromium holds XSRF-TOKEN for api.example.test, not for the SPA host app.example.test');
  expect(fix).toMatch(/^SESSION_DOMAIN=\.example\.test /);
});

test("a fetch blocked for CORS AllowOriginMismatch is named with Chromium's words and FRONTEND_URL", async () => {
  const blocked = {
    errorText: 'net::ERR_FAILED',
    corsError: 'AllowOriginMismatch',
    corsParameter: 'http://localhost:3000',
  };
  const run = chromiumRun({ csrfCookie: fetched('/sanctum/csrf-cookie', undefined, { failure: blocked }) });
  const { saw, fix } = failure(await browserCors.run(judged(run)));
  expect(saw).toBe(
    `fetch(${API}/sanctum/csrf-cookie, { credentials: 'include' }) from ${SPA}:` +
      ' TypeError: Failed to fetch; Chromium: net::ERR_FAILED, CORS AllowOriginMismatch (http://localhost:3000)',
  );
  expect(fix).toContain(`FRONTEND_URL=${SPA} exactly`);
});

test('a fetch the server refused to connect is no CORS problem', async () => {
  const run = chromiumRun({
    currentUser: fetched('/api/user', undefined, { failure: { errorText: 'net::ERR_CONNECTION_REFUSED' } }),
  });
  const { fix } = failure(await browserCors.run(judged(run)));
  expect(fix).toContain('this is not a CORS problem');
});

test('a Chromium that does not start names how to get one; the cookie checks then skip to browser-cors', async () => {
  const context = judged({
    stage: 'launch',
    error: "browserType.launch: Executable doesn't exist at /usr/bin/chromium",
  });
  const { saw, fix } = failure(await browserCors.run(context));
  expect(saw).toBe("Chromium did not start: browserType.launch: Executable doesn't exist at /usr/bin/chromium");
  expect(fix).toContain('apt-get install chromium');
  expect(await browserCookiesAccepted.run(context)).toEqual({
    status: 'skip',
    why: 'Chromium did not reach the SPA page: see browser-cors',
  });
});
