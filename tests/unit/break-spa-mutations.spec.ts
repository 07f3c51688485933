import { test as base, expect, type Page } from '@playwright/test';
import type { SpaMutation } from '../../fixtures/core/settings/spa-mutation.ts';
import { spaMutationScript } from '../../fixtures/traffic/spa-mutation-script.ts';

// The SPA breaks' init script in a real Chromium: a page on the SPA's origin
// calls the API with fetch and with XMLHttpRequest (what axios uses), and
// what reaches the network is recorded by routes standing in for both servers.

const SPA_ORIGIN = 'http://localhost:5173';
const API_ORIGIN = 'http://localhost:8000';
const OTHER_API_ORIGIN = 'http://127.0.0.1:8000';

interface Arrival {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | null;
}

/** What the SPA's page sends: the csrf-cookie call, then a login posting JSON with the XSRF header. */
const LOGIN_HEADERS = { Accept: 'application/json', 'Content-Type': 'application/json', 'X-XSRF-TOKEN': 'token=' };
const LOGIN_BODY = '{"email":"a@b.test"}';

const test = base.extend<{ arrivals: Arrival[]; spa: Page }>({
  arrivals: async ({}, use) => use([]),
  spa: async ({ context, page, arrivals }, use) => {
    await context.route(`${SPA_ORIGIN}/**`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>SPA</title>' }),
    );
    for (const origin of [API_ORIGIN, OTHER_API_ORIGIN]) {
      await context.route(`${origin}/**`, async (route) => {
        const request = route.request();
        const cors = {
          'Access-Control-Allow-Origin': SPA_ORIGIN,
          'Access-Control-Allow-Credentials': 'true',
          'Access-Control-Allow-Headers': 'Accept, Content-Type, X-XSRF-TOKEN, X-CSRF-TOKEN',
          'Access-Control-Allow-Methods': 'GET, POST',
        };
        if (request.method() !== 'OPTIONS')
          arrivals.push({
            url: request.url(),
            method: request.method(),
            headers: await request.allHeaders(),
            body: request.postData(),
          });
        await route.fulfill({ status: request.method() === 'OPTIONS' ? 204 : 200, headers: cors, body: '' });
      });
    }
    await page.goto(`${SPA_ORIGIN}/`);
    await use(page);
  },
});

/** The mutation's script added to the context, then the page reloaded so it runs before the "SPA". */
async function mutated(spa: Page, mutation: SpaMutation): Promise<void> {
  await spa.context().addInitScript(...spaMutationScript(mutation, API_ORIGIN));
  await spa.reload();
}

/** The SPA's two calls with fetch; the statuses its code sees. */
const callWithFetch = (spa: Page) =>
  spa.evaluate(
    async ({ api, headers, body }) => {
      const csrf = await fetch(`${api}/sanctum/csrf-cookie`, { credentials: 'include' });
      const login = await fetch(`${api}/login`, { method: 'POST', credentials: 'include', headers, body });
      return [csrf.status, login.status];
    },
    { api: API_ORIGIN, headers: LOGIN_HEADERS, body: LOGIN_BODY },
  );

/** The same two calls with XMLHttpRequest, withCredentials as axios sets it. */
const callWithXhr = (spa: Page) =>
  spa.evaluate(
    async ({ api, headers, body }) => {
      const send = (method: string, url: string, payload?: string) =>
        new Promise<number>((resolve, reject) => {
          const xhr = new XMLHttpRequest();
          xhr.open(method, url);
          xhr.withCredentials = true;
          if (payload) for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
          xhr.onload = () => resolve(xhr.status);
          xhr.onerror = () => reject(new Error(`${method} ${url} failed`));
          xhr.send(payload ?? null);
        });
      return [await send('GET', `${api}/sanctum/csrf-cookie`), await send('POST', `${api}/login`, body)];
    },
    { api: API_ORIGIN, headers: LOGIN_HEADERS, body: LOGIN_BODY },
  );

const CALLERS = { fetch: callWithFetch, XMLHttpRequest: callWithXhr };
const loginOf = (arrivals: Arrival[]) => arrivals.find((arrival) => arrival.url.endsWith('/login'))!;

for (const [caller, call] of Object.entries(CALLERS)) {
  test.describe(`through ${caller}`, () => {
    test('csrf-cookie-skipped: the SPA sees its csrf-cookie call answered, and only the login reaches the API', async ({
      spa,
      arrivals,
    }) => {
      await mutated(spa, 'csrf-cookie-skipped');
      expect(await call(spa), 'the statuses the SPA sees').toEqual([200, 200]);
      expect(arrivals.map((arrival) => `${arrival.method} ${arrival.url}`)).toEqual([`POST ${API_ORIGIN}/login`]);
    });

    test('api-host-swapped: both calls go to 127.0.0.1, port and path kept', async ({ spa, arrivals }) => {
      await mutated(spa, 'api-host-swapped');
      await call(spa);
      expect(arrivals.map((arrival) => arrival.url)).toEqual([
        `${OTHER_API_ORIGIN}/sanctum/csrf-cookie`,
        `${OTHER_API_ORIGIN}/login`,
      ]);
    });

    test('xsrf-header-dropped: the login carries no X-XSRF-TOKEN, its other headers kept', async ({
      spa,
      arrivals,
    }) => {
      await mutated(spa, 'xsrf-header-dropped');
      await call(spa);
      const { headers } = loginOf(arrivals);
      expect(headers['x-xsrf-token'], 'X-XSRF-TOKEN').toBeUndefined();
      expect(headers['content-type'], 'Content-Type').toBe('application/json');
    });

    test('xsrf-header-renamed: the token travels as X-CSRF-TOKEN, the same value', async ({ spa, arrivals }) => {
      await mutated(spa, 'xsrf-header-renamed');
      await call(spa);
      const { headers } = loginOf(arrivals);
      expect([headers['x-xsrf-token'], headers['x-csrf-token']], '[X-XSRF-TOKEN, X-CSRF-TOKEN]').toEqual([
        undefined,
        'token=',
      ]);
    });

    test('json-as-text: the JSON body is posted as text/plain, unchanged', async ({ spa, arrivals }) => {
      await mutated(spa, 'json-as-text');
      await call(spa);
      const login = loginOf(arrivals);
      expect([login.headers['content-type'], login.body], '[Content-Type, body]').toEqual(['text/plain', LOGIN_BODY]);
    });

    test('credentials-same-origin: the cross-origin calls carry no cookie', async ({ spa, arrivals }) => {
      await spa.context().addCookies([{ name: 'laravel-session', value: 'abc', url: API_ORIGIN }]);
      await call(spa);
      await mutated(spa, 'credentials-same-origin');
      await call(spa);
      expect(
        arrivals.map((arrival) => arrival.headers.cookie),
        'Cookie: sent unmutated, then not',
      ).toEqual(['laravel-session=abc', 'laravel-session=abc', undefined, undefined]);
    });

    test('a mutation changes only calls to the API: the same call to another origin is left whole', async ({
      spa,
      arrivals,
    }) => {
      await mutated(spa, 'xsrf-header-dropped');
      await spa.evaluate(
        ({ headers, body }) => fetch('http://127.0.0.1:8000/login', { method: 'POST', headers, body }),
        { headers: LOGIN_HEADERS, body: LOGIN_BODY },
      );
      expect(loginOf(arrivals).headers['x-xsrf-token'], 'X-XSRF-TOKEN kept').toBe('token=');
    });
  });
}
