import { EventEmitter } from 'node:events';
import { test, expect } from '@playwright/test';
import { CdpNetworkLog, type CdpEvents } from '../../fixtures/runtime/browser/cdp-network-log.ts';
import { refusedSetCookies, withheldCookies } from '../../fixtures/runtime/browser/cookie-verdicts.ts';
import { unsafelistedHeaders } from '../../fixtures/runtime/process/api-probe.ts';
import type { CookieVerdict } from '../../fixtures/traffic/test-traffic.ts';

// Chromium's network events as the bundled app's cookie breaks made it send them (captured in
// headless Chromium 156 against the bundled Laravel 12, the cookie values replaced), read into
// cookie verdicts: through the pure readers, and replayed, in the order Chromium sent them, into
// the CDP log the test traffic and the doctor listen with.

const API = 'http://localhost:33353';
const SPA = 'http://localhost:43405';

/** A cookie of SESSION_PATH=/api, as Network.Cookie carries it. */
function cdpCookie(name: string, overrides: object = {}) {
  return {
    name,
    value: '<value>',
    domain: 'localhost',
    path: '/api',
    expires: 1796662222.878811,
    size: 352,
    httpOnly: name === 'laravel-session',
    secure: false,
    session: false,
    sameSite: 'Lax',
    priority: 'Medium',
    sourceScheme: 'NonSecure',
    sourcePort: 33353,
    ...overrides,
  };
}

/** Network.requestWillBeSentExtraInfo of GET /sanctum/csrf-cookie with SESSION_PATH=/api: both cookies held back. */
const notOnPath = {
  requestId: '5825.9',
  associatedCookies: [
    { cookie: cdpCookie('XSRF-TOKEN'), blockedReasons: ['NotOnPath'], exemptionReason: 'None' },
    { cookie: cdpCookie('laravel-session'), blockedReasons: ['NotOnPath'], exemptionReason: 'None' },
  ],
  headers: { Accept: 'application/json', Host: 'localhost:33353', Origin: SPA, 'Sec-Fetch-Site': 'same-site' },
  connectTiming: { requestTime: 39257.736154 },
  siteHasCookieInOtherPartition: false,
};

/** The same event for GET /api/user: both cookies sent (no reasons), one of them exempted. */
const sentWithExemption = {
  requestId: '5825.8',
  associatedCookies: [
    { cookie: cdpCookie('XSRF-TOKEN'), blockedReasons: [], exemptionReason: 'None' },
    { cookie: cdpCookie('laravel-session'), blockedReasons: [], exemptionReason: 'Scheme' },
  ],
  headers: { Accept: 'application/json', Host: 'localhost:33353', Origin: SPA },
  siteHasCookieInOtherPartition: false,
};

/** Set-Cookie line of SESSION_SAME_SITE=none with SESSION_SECURE_COOKIE=false, as Laravel sends it. */
const noneLine = (name: string) =>
  `${name}=<value>; expires=Mon, 07 Dec 2026 16:50:30 GMT; Max-Age=7200; path=/; ` +
  `${name === 'laravel-session' ? 'httponly; ' : ''}samesite=none`;

/** Network.responseReceivedExtraInfo of GET /sanctum/csrf-cookie with SESSION_SAME_SITE=none, not Secure. */
const sameSiteNoneInsecure = {
  requestId: '6159.6',
  blockedCookies: ['XSRF-TOKEN', 'laravel-session'].map((name) => ({
    blockedReasons: ['SameSiteNoneInsecure'],
    cookieLine: noneLine(name),
    cookie: cdpCookie(name, { path: '/', sameSite: 'None', expires: 1796662230.589157, sourcePort: 45583 }),
  })),
  headers: {
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Allow-Origin': SPA,
    'Set-Cookie': `${noneLine('XSRF-TOKEN')}\n${noneLine('laravel-session')}`,
  },
  statusCode: 204,
  cookiePartitionKey: { topLevelSite: 'http://localhost', hasCrossSiteAncestor: false },
  cookiePartitionKeyOpaque: false,
  exemptedCookies: [],
};

test.describe('the pure readers', () => {
  test("a cookie held back from a request is a 'sent' verdict: Chromium's reason, the cookie's attributes", () => {
    expect(withheldCookies(notOnPath)).toEqual([
      {
        direction: 'sent',
        name: 'XSRF-TOKEN',
        reasons: ['NotOnPath'],
        attributes: {
          domain: 'localhost',
          path: '/api',
          secure: false,
          httpOnly: false,
          sameSite: 'Lax',
          expires: 1796662222.878811,
        },
      },
      expect.objectContaining({ direction: 'sent', name: 'laravel-session', reasons: ['NotOnPath'] }),
    ]);
  });

  test('cookies sent, exempted or not, are no verdict', () => {
    expect(withheldCookies(sentWithExemption)).toEqual([]);
  });

  test("a Set-Cookie Chromium did not store is a 'set' verdict: SameSite=None without Secure", () => {
    expect(refusedSetCookies(sameSiteNoneInsecure)).toEqual([
      {
        direction: 'set',
        name: 'XSRF-TOKEN',
        reasons: ['SameSiteNoneInsecure'],
        attributes: {
          domain: 'localhost',
          path: '/',
          secure: false,
          httpOnly: false,
          sameSite: 'None',
          expires: 1796662230.589157,
        },
      },
      expect.objectContaining({
        direction: 'set',
        name: 'laravel-session',
        attributes: expect.objectContaining({ httpOnly: true }),
      }),
    ]);
  });

  test('a refused line without a cookie object is read from the line itself, its value left out', () => {
    const [verdict] = refusedSetCookies({
      blockedCookies: [
        {
          blockedReasons: ['SecureOnly'],
          cookieLine: 'laravel-session=<value>; path=/; secure; HttpOnly; SameSite=lax',
        },
      ],
    });
    expect(verdict).toEqual({
      direction: 'set',
      name: 'laravel-session',
      reasons: ['SecureOnly'],
      attributes: { path: '/', secure: true, httpOnly: true, sameSite: 'Lax' },
    });
  });

  test('a session cookie (expires -1) has no expiry; no verdict keeps a value', () => {
    const [verdict] = withheldCookies({
      associatedCookies: [
        {
          cookie: cdpCookie('laravel-session', { expires: -1, session: true }),
          blockedReasons: ['DomainMismatch'],
        },
      ],
    });
    expect(verdict.attributes).not.toHaveProperty('expires');
    expect(JSON.stringify([verdict, ...refusedSetCookies(sameSiteNoneInsecure)])).not.toContain('<value>');
  });
});

test.describe('the CDP log, fed the events in the order Chromium sent them', () => {
  function replay(events: [string, object][]): CdpNetworkLog {
    const session = new EventEmitter();
    const log = new CdpNetworkLog(session as unknown as CdpEvents);
    for (const [name, event] of events) session.emit(name, event);
    return log;
  }
  const onApi = (url: string) => new URL(url).origin === API;
  const request = (requestId: string, method: string, url: string, extra: object = {}) =>
    ['Network.requestWillBeSent', { requestId, request: { method, url }, ...extra }] as [string, object];

  test("each verdict carries its request's method and URL, even when the extra info came first", () => {
    const log = replay([
      // Chromium sent requestWillBeSentExtraInfo before requestWillBeSent here.
      ['Network.requestWillBeSentExtraInfo', { ...notOnPath, requestId: '5825.11' }],
      request('5825.11', 'GET', `${API}/sanctum/csrf-cookie`),
      ['Network.responseReceivedExtraInfo', { requestId: '5825.11', blockedCookies: [], headers: {} }],
      ['Network.responseReceived', { requestId: '5825.11', hasExtraInfo: true }],
      ['Network.loadingFinished', { requestId: '5825.11' }],
    ]);
    const verdicts: CookieVerdict[] = log.cookieVerdicts(onApi);
    expect(
      verdicts.map(({ method, url, direction, name, reasons }) => ({ method, url, direction, name, reasons })),
    ).toEqual([
      {
        method: 'GET',
        url: `${API}/sanctum/csrf-cookie`,
        direction: 'sent',
        name: 'XSRF-TOKEN',
        reasons: ['NotOnPath'],
      },
      {
        method: 'GET',
        url: `${API}/sanctum/csrf-cookie`,
        direction: 'sent',
        name: 'laravel-session',
        reasons: ['NotOnPath'],
      },
    ]);
  });

  test("the preflight (own request id, no cookies) adds nothing; the POST's refused Set-Cookies: 'set'", () => {
    const log = replay([
      request('A36E5D96', 'OPTIONS', `${API}/login`),
      ['Network.requestWillBeSentExtraInfo', { requestId: 'A36E5D96', associatedCookies: [], headers: {} }],
      ['Network.responseReceivedExtraInfo', { requestId: 'A36E5D96', blockedCookies: [], headers: {} }],
      request('6159.12', 'POST', `${API}/login`),
      ['Network.requestWillBeSentExtraInfo', { ...sentWithExemption, requestId: '6159.12' }],
      ['Network.responseReceivedExtraInfo', { ...sameSiteNoneInsecure, requestId: '6159.12' }],
      ['Network.responseReceived', { requestId: '6159.12', hasExtraInfo: true }],
    ]);
    expect(
      log.cookieVerdicts(onApi).map((verdict) => `${verdict.method} ${verdict.direction} ${verdict.name}`),
    ).toEqual(['POST set XSRF-TOKEN', 'POST set laravel-session']);
  });

  test('a redirect keeps the request id: each hop gets the verdicts of its own extra info', () => {
    const log = replay([
      request('7.1', 'GET', `${API}/dashboard`),
      ['Network.requestWillBeSentExtraInfo', { requestId: '7.1', associatedCookies: [] }],
      ['Network.responseReceivedExtraInfo', { ...sameSiteNoneInsecure, requestId: '7.1' }],
      request('7.1', 'GET', `${API}/api/user`, { redirectResponse: { status: 302 }, redirectHasExtraInfo: true }),
      ['Network.requestWillBeSentExtraInfo', { ...notOnPath, requestId: '7.1' }],
    ]);
    expect(log.cookieVerdicts(onApi).map((verdict) => `${new URL(verdict.url).pathname} ${verdict.direction}`)).toEqual(
      ['/dashboard set', '/dashboard set', '/api/user sent', '/api/user sent'],
    );
  });

  test('requests to other origins give no verdicts', () => {
    const log = replay([
      request('5825.14', 'GET', 'http://127.0.0.1:33353/api/user'),
      [
        'Network.responseReceivedExtraInfo',
        {
          ...sameSiteNoneInsecure,
          requestId: '5825.14',
          blockedCookies: [{ ...sameSiteNoneInsecure.blockedCookies[0], blockedReasons: ['UserPreferences'] }],
        },
      ],
    ]);
    expect(log.cookieVerdicts(onApi)).toEqual([]);
    expect(log.cookieVerdicts(() => true)).toHaveLength(1);
  });

  test('settled waits for the extra info of an answer Chromium announced, and no longer', async () => {
    const session = new EventEmitter();
    const log = new CdpNetworkLog(session as unknown as CdpEvents);
    session.emit(...request('9.1', 'GET', `${API}/sanctum/csrf-cookie`));
    session.emit('Network.requestWillBeSentExtraInfo', { requestId: '9.1', associatedCookies: [] });
    session.emit('Network.responseReceived', { requestId: '9.1', hasExtraInfo: true });
    session.emit('Network.loadingFinished', { requestId: '9.1' });
    let settled = false;
    const settling = log.settled(onApi, 5_000).then(() => (settled = true));
    // Every event so far is handled synchronously: one turn of the event loop shows whether settled() returned.
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled, 'the answer’s extra info is still to come').toBe(false);
    session.emit('Network.responseReceivedExtraInfo', { ...sameSiteNoneInsecure, requestId: '9.1' });
    await settling;
    expect(log.cookieVerdicts(onApi)).toHaveLength(2);
  });

  test('the doctor still reads the last request for a URL: its failure and its refused Set-Cookie names', async () => {
    const log = replay([
      request('6159.6', 'GET', `${API}/sanctum/csrf-cookie`),
      ['Network.responseReceivedExtraInfo', sameSiteNoneInsecure],
      ['Network.loadingFinished', { requestId: '6159.6' }],
    ]);
    expect(await log.verdict(`${API}/sanctum/csrf-cookie`, 1_000)).toEqual({
      failure: undefined,
      setCookieNames: ['XSRF-TOKEN', 'laravel-session'],
      blockedCookies: [
        { name: 'XSRF-TOKEN', reasons: ['SameSiteNoneInsecure'] },
        { name: 'laravel-session', reasons: ['SameSiteNoneInsecure'] },
      ],
    });
  });
});

test.describe('the headers a preflight asks for', () => {
  test("the SPA's JSON POST: Content-Type application/json and X-XSRF-TOKEN, as Chromium listed them", () => {
    // Chromium's own preflight for this request said Access-Control-Request-Headers: content-type,x-xsrf-token.
    expect(
      unsafelistedHeaders({
        accept: 'application/json',
        'content-type': 'application/json',
        'x-xsrf-token': 'eyJpdiI6',
        origin: SPA,
        referer: `${SPA}/`,
        'sec-fetch-site': 'same-site',
      }),
    ).toEqual(['content-type', 'x-xsrf-token']);
  });

  test('a form post and a plain GET need none', () => {
    expect(
      unsafelistedHeaders({ 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8', accept: '*/*' }),
    ).toEqual([]);
    expect(unsafelistedHeaders({ 'content-type': 'Text/Plain', accept: 'application/json, text/plain, */*' })).toEqual(
      [],
    );
    expect(unsafelistedHeaders({})).toEqual([]);
  });

  test('X-Requested-With and Authorization always; Accept only for an unsafe byte or over 128 bytes', () => {
    expect(
      unsafelistedHeaders({
        'X-Requested-With': 'XMLHttpRequest',
        authorization: 'Bearer 1|abc',
        accept: 'application/json',
      }),
    ).toEqual(['authorization', 'x-requested-with']);
    expect(unsafelistedHeaders({ accept: 'text/html; q="0.9"' })).toEqual(['accept']);
    expect(unsafelistedHeaders({ accept: `application/${'x'.repeat(120)}` })).toEqual(['accept']);
  });
});
