import { test as base, expect as plain, type Page } from '@playwright/test';
import { expect } from 'sanctum-spa-kit';
import { TrafficRecorder } from 'sanctum-spa-kit/fixtures';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { deferred, json, startLocalServer, type LocalServer, type Route } from './support/local-server.ts';

// TrafficRecorder on a real Chromium against real local servers: the page is
// served at / and its script calls the routes with fetch.

const test = base.extend<{ serve: (routes?: Record<string, Route>) => Promise<LocalServer> }>({
  serve: async ({}, use) => {
    const servers: LocalServer[] = [];
    await use(async (routes) => {
      const server = await startLocalServer(routes);
      servers.push(server);
      return server;
    });
    await Promise.all(servers.map((server) => server.close()));
  },
});

/** Starts a fetch in the page without waiting for it. */
async function fire(page: Page, url: string, headers: Record<string, string> = {}): Promise<void> {
  await page.evaluate(([url, headers]) => void fetch(url, { headers }).catch(() => {}), [url, headers] as const);
}

/** Starts a fetch in the page; returns once the recorder, listening first, has seen the request. */
async function fireSeen(page: Page, path: string): Promise<void> {
  const seen = page.context().waitForEvent('request', (request) => request.url().endsWith(path));
  await fire(page, path);
  await seen;
}

/** A route that answers only once the test releases it; `received` resolves when the request arrives. */
function heldRoute() {
  const received = deferred();
  const release = deferred();
  const route: Route = async (_request, response) => {
    received.resolve();
    await release.promise;
    json(response, { held: false });
  };
  return { route, received: received.promise, release: () => release.resolve() };
}

const user: Route = (request, response) => {
  const cookies = [
    'laravel-session=eyJpdiI6IlNlc3Npb24ifQ%3D%3D; path=/; httponly; samesite=lax',
    'XSRF-TOKEN=eyJpdiI6IlhzcmYifQ%3D%3D; path=/; samesite=lax',
  ];
  json(response, { id: 1, name: 'Ada', url: request.url }, { 'set-cookie': cookies });
};

test.describe('waitFor', () => {
  test('resolves with the answered exchange: status, JSON body parsed, Set-Cookie parsed', async ({
    page,
    context,
    serve,
  }) => {
    const api = await serve({ '/api/user': user });
    const traffic = TrafficRecorder.attach(context, api.origin);
    await page.goto(api.origin);
    const answered = traffic.waitFor('GET', '/api/user');
    await fire(page, '/api/user');
    const exchange = await answered;
    plain(exchange).toMatchObject({ method: 'GET', path: '/api/user', resourceType: 'fetch', preflight: false });
    plain(exchange.response).toMatchObject({ status: 200, json: { id: 1, name: 'Ada', url: '/api/user' } });
    plain(
      exchange.response?.setCookies.map(({ name, value, httpOnly, sameSite }) => ({ name, value, httpOnly, sameSite })),
    ).toEqual([
      { name: 'laravel-session', value: 'eyJpdiI6IlNlc3Npb24ifQ%3D%3D', httpOnly: true, sameSite: 'lax' },
      { name: 'XSRF-TOKEN', value: 'eyJpdiI6IlhzcmYifQ%3D%3D', httpOnly: false, sameSite: 'lax' },
    ]);
    expect(exchange).toBeHttpOnlyCookie('laravel-session');
    // The jar Chromium filled from those headers agrees.
    expect(await context.cookies()).toBeHttpOnlyCookie('laravel-session');
    expect(await context.cookies()).toBeHostOnlyCookie('XSRF-TOKEN');
  });

  test('a request issued before the call never counts, even when answered after it', async ({
    page,
    context,
    serve,
  }) => {
    const held = heldRoute();
    const api = await serve({ '/api/user': user, '/api/held': held.route });
    const traffic = TrafficRecorder.attach(context, api.origin);
    await page.goto(api.origin);
    await page.evaluate(() => fetch('/api/user?before'));
    await fireSeen(page, '/api/held');
    await held.received;
    const answered = traffic.waitFor('GET', /^\/api\/(user|held)/);
    held.release();
    await traffic.settled();
    plain(traffic.find('GET', '/api/held').response?.status).toBe(200);
    await fire(page, '/api/user?after');
    plain((await answered).path).toBe('/api/user?after');
  });

  test('the filter option picks, among matching requests, the one it accepts', async ({ page, context, serve }) => {
    const api = await serve({ '/api/user': user });
    const traffic = TrafficRecorder.attach(context, api.origin);
    await page.goto(api.origin);
    const withToken = traffic.waitFor('GET', '/api/user', {
      filter: (exchange) => exchange.sent.headers['x-xsrf-token'] !== undefined,
    });
    await page.evaluate(() => fetch('/api/user?plain'));
    await page.evaluate(() => fetch('/api/user?token', { headers: { 'X-XSRF-TOKEN': 'token' } }));
    const exchange = await withToken;
    plain(exchange.path).toBe('/api/user?token');
    expect(exchange).toHaveSentHeader('X-XSRF-TOKEN', 'token');
    plain(traffic.all('GET', '/api/user').map((each) => each.path)).toEqual(['/api/user?plain', '/api/user?token']);
  });

  test('passes over a request the page aborted and resolves with the next answered one', async ({
    page,
    context,
    serve,
  }) => {
    const held = heldRoute();
    const api = await serve({
      '/api/user': (request, response) =>
        request.url === '/api/user?aborted' ? held.route(request, response) : user(request, response),
    });
    const traffic = TrafficRecorder.attach(context, api.origin);
    await page.goto(api.origin);
    const answered = traffic.waitFor('GET', '/api/user');
    let resolvedWith: string | undefined;
    void answered.then((exchange) => (resolvedWith = exchange.path));
    const seen = context.waitForEvent('request', (request) => request.url().endsWith('/api/user?aborted'));
    await page.evaluate(() => {
      const controller = new AbortController();
      (window as unknown as { abortUser: () => void }).abortUser = () => controller.abort();
      void fetch('/api/user?aborted', { signal: controller.signal }).catch(() => {});
    });
    await Promise.all([seen, held.received]);
    await page.evaluate(() => (window as unknown as { abortUser: () => void }).abortUser());
    await traffic.settled();
    plain(traffic.find('GET', '/api/user').failure).toBe('net::ERR_ABORTED');
    plain(resolvedWith).toBeUndefined();
    await fire(page, '/api/user?next');
    plain((await answered).path).toBe('/api/user?next');
    held.release();
  });

  test('rejects for a server that does not answer, saying it is not CORS', async ({ page, context, serve }) => {
    const dead = await serve();
    await dead.close();
    const spa = await serve();
    const traffic = TrafficRecorder.attach(context, dead.origin);
    await page.goto(spa.origin);
    const answered = traffic.waitFor('GET', '/api/user');
    await fire(page, `${dead.origin}/api/user`);
    await plain(answered).rejects.toThrow(
      'GET /api/user: the API did not answer (net::ERR_CONNECTION_REFUSED): nothing is listening ' +
        `at ${dead.origin}, or the server died; this is not a CORS problem: check the backend log`,
    );
  });

  test('rejects for a response CORS blocked, naming CORS, with the request headers provisional', async ({
    page,
    context,
    serve,
  }) => {
    const api = await serve({ '/api/user': user });
    const spa = await serve();
    const traffic = TrafficRecorder.attach(context, api.origin);
    await page.goto(spa.origin);
    const answered = traffic.waitFor('GET', '/api/user');
    await fire(page, `${api.origin}/api/user`);
    await plain(answered).rejects.toThrow(
      'GET /api/user: no response reached the page: the browser blocked it ' +
        '(CORS, net::ERR_FAILED). Is FRONTEND_URL exactly the SPA origin ' +
        '(scheme, host, port) and supports_credentials true in config/cors.php?',
    );
    await traffic.settled();
    // Only the API's traffic is recorded: the SPA's page is not.
    plain(traffic.exchanges.map((exchange) => exchange.url)).toEqual([`${api.origin}/api/user`]);
    plain(() => expect(traffic.find('GET', '/api/user')).toHaveSentHeader('Origin')).toThrow(
      // eslint-disable-next-line @stylistic/max-len -- a regex literal is kept whole, not split
      /Chromium reported only provisional headers for this failed request \(net::ERR_FAILED\): Cookie and Origin are unknown\)$/,
    );
  });

  test('times out with the timeout option, naming the route and listing what the API saw', async ({
    page,
    context,
    serve,
  }) => {
    const api = await serve({ '/api/user': user });
    const traffic = TrafficRecorder.attach(context, api.origin);
    await page.goto(api.origin);
    await page.evaluate(() => fetch('/api/user'));
    await traffic.settled();
    await plain(traffic.waitFor('POST', '/logout', { timeout: 200 })).rejects.toThrow(
      'no POST /logout was answered within 200 ms; the API saw:\nGET / → 200\nGET /api/user → 200 ' +
        ' sent: Referer  set: laravel-session(HttpOnly; SameSite=lax), XSRF-TOKEN(SameSite=lax)',
    );
  });

  test('another API request failing while it waits ends the wait at once, naming that failure', async ({
    page,
    context,
    serve,
  }) => {
    const api = await serve({ '/sanctum/csrf-cookie': user });
    const spa = await serve();
    const traffic = TrafficRecorder.attach(context, api.origin);
    await page.goto(spa.origin);
    // A wait far longer than the test's own timeout: only the early rejection can end it in time.
    const answered = traffic.waitFor('POST', '/login', { timeout: 10 * 60_000 });
    await fire(page, `${api.origin}/sanctum/csrf-cookie`);
    await plain(answered).rejects.toThrow(
      // eslint-disable-next-line @stylistic/max-len -- a regex literal is kept whole, not split
      /^GET \/sanctum\/csrf-cookie failed before POST \/login was answered: no response reached the page: the browser blocked it \(CORS, net::ERR_FAILED\)\. .*; the API saw:\nGET \/sanctum\/csrf-cookie ✗ net::ERR_FAILED/,
    );
  });

  test('for an SPA that retries, a timeout names a request that failed since the call, as the likely cause', async ({
    page,
    context,
    serve,
  }) => {
    const api = await serve({ '/sanctum/csrf-cookie': user });
    const spa = await serve();
    const traffic = TrafficRecorder.attach(context, api.origin);
    await page.goto(spa.origin);
    const answered = traffic.waitFor('POST', '/login', { timeout: 1500, rejectOnOtherFailure: false });
    await fire(page, `${api.origin}/sanctum/csrf-cookie`);
    await plain(answered).rejects.toThrow(
      // eslint-disable-next-line @stylistic/max-len -- a regex literal is kept whole, not split
      /^no POST \/login was answered within 1500 ms; before it, GET \/sanctum\/csrf-cookie failed: no response reached the page: the browser blocked it \(CORS, net::ERR_FAILED\)\. .*; the API saw:\nGET \/sanctum\/csrf-cookie ✗ net::ERR_FAILED/,
    );
  });

  test('the awaited route called on another origin ends the wait at once, naming both origins', async ({
    page,
    context,
    serve,
  }) => {
    const api = await serve({ '/api/user': user });
    const other = await serve({ '/api/user': user });
    const traffic = TrafficRecorder.attach(context, api.origin);
    await page.goto(api.origin);
    const answered = traffic.waitFor('GET', '/api/user', { timeout: 10 * 60_000 });
    await page.evaluate((url) => fetch(url).catch(() => undefined), `${other.origin}/api/user`);
    await plain(answered).rejects.toThrow(
      `the SPA sent GET /api/user to ${other.origin}, not to the API origin ${api.origin}: ` +
        'no GET /api/user will reach the API',
    );
  });
});

test.describe('settled', () => {
  test('waits for a request still in flight, through other traffic, until it is answered', async ({
    page,
    context,
    serve,
  }) => {
    const held = heldRoute();
    const api = await serve({ '/api/user': user, '/api/held': held.route });
    const traffic = TrafficRecorder.attach(context, api.origin);
    await page.goto(api.origin);
    await fireSeen(page, '/api/held');
    await held.received;
    let released = false;
    const settled = traffic.settled().then(() => released);
    // Other traffic changes what is in flight; settled() must keep waiting.
    const quick = traffic.waitFor('GET', '/api/user');
    await page.evaluate(() => fetch('/api/user'));
    await quick;
    released = true;
    held.release();
    plain(await settled, 'settled() resolved before the held response was released').toBe(true);
    plain(traffic.find('GET', '/api/held').response).toMatchObject({ status: 200, json: { held: false } });
  });

  test('rejects at its timeout, naming the request still in flight', async ({ page, context, serve }) => {
    const held = heldRoute();
    const api = await serve({ '/api/held': held.route });
    const traffic = TrafficRecorder.attach(context, api.origin);
    await page.goto(api.origin);
    await fireSeen(page, '/api/held');
    await plain(traffic.settled({ timeout: 200 })).rejects.toThrow(
      'traffic did not settle within 200 ms: still in flight: GET /api/held',
    );
    held.release();
  });
});

/** The headers and half a JSON body, then nothing until the connection closes. */
function halfJsonBody(_request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.write('{"id":');
}

/** The page fetches /api/user and, once its headers arrived, navigates away before the body. */
async function answerThenNavigateAway(page: Page, origin: string): Promise<void> {
  const headersArrived = page.waitForResponse((response) => response.url().endsWith('/api/user'));
  await fire(page, '/api/user');
  await headersArrived;
  await page.goto(`${origin}/?elsewhere`);
}

test('a JSON body lost to a navigation is recorded as bodyError, not as an undefined json', async ({
  page,
  context,
  serve,
}) => {
  const api = await serve({ '/api/user': halfJsonBody });
  const traffic = TrafficRecorder.attach(context, api.origin);
  await page.goto(api.origin);
  await answerThenNavigateAway(page, api.origin);
  await traffic.settled();
  const exchange = traffic.find('GET', '/api/user');
  plain(exchange.response?.status).toBe(200);
  plain(exchange.response?.json).toBeUndefined();
  plain(exchange.response?.bodyError).toMatch(
    /^the body could not be read \(.+\): the page navigated or closed before it arrived$/,
  );
  plain(exchange.failure).toBe('net::ERR_ABORTED');
  plain(traffic.summary()).toContain('GET /api/user → 200  sent: Referer  (the body could not be read (');
});

test('waitFor resolves with a request that was answered, even when a navigation then cut its body off', async ({
  page,
  context,
  serve,
}) => {
  const api = await serve({ '/api/user': halfJsonBody });
  const traffic = TrafficRecorder.attach(context, api.origin);
  await page.goto(api.origin);
  const answered = traffic.waitFor('GET', '/api/user', { timeout: 5000 });
  await answerThenNavigateAway(page, api.origin);
  const exchange = await answered;
  plain(exchange.response?.status).toBe(200);
  plain(exchange.failure).toBe('net::ERR_ABORTED');
});

test('the context closing rejects a pending waitFor, and any later one', async ({ browser, serve }) => {
  const held = heldRoute();
  const api = await serve({ '/api/held': held.route });
  const context = await browser.newContext();
  const traffic = TrafficRecorder.attach(context, api.origin);
  const page = await context.newPage();
  await page.goto(api.origin);
  const answered = traffic.waitFor('GET', '/api/held');
  await fireSeen(page, '/api/held');
  await held.received;
  await context.close();
  await plain(answered).rejects.toThrow(
    /^the browser context closed before GET \/api\/held was answered; the API saw:\nGET \/ → 200\nGET \/api\/held ✗ /,
  );
  await plain(traffic.waitFor('GET', '/api/user')).rejects.toThrow(
    /^the browser context closed before GET \/api\/user was answered; the API saw:\n/,
  );
  held.release();
});
