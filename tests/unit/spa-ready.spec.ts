import { test as base, expect as plain } from '@playwright/test';
import { SpaPage, type SpaAdapter } from 'sanctum-spa-kit';
import { TrafficRecorder } from 'sanctum-spa-kit/fixtures';
import type http from 'node:http';
import { json, startLocalServer, type LocalServer, type Route } from './support/local-server.ts';

// SpaPage's wait for a ready SPA, in real Chromium against a page that
// hydrates late, as a server-rendered one does: the form is in the HTML at
// once, its handler is attached only after a chain of scheduled tasks (the
// framework's hydration), which then asks the API who the visitor is.

const test = base.extend<{ server: LocalServer }>({
  server: async ({}, use) => {
    const server = await startLocalServer({ '/': serverRenderedPage, '/app.js': hydratingScript, '/api/user': guest });
    await use(server);
    await server.close();
  },
});

const serverRenderedPage: Route = (_request, response) => {
  response
    .writeHead(200, { 'content-type': 'text/html' })
    .end(
      '<!doctype html><title>ssr</title><form aria-label="Log in"><label>Email <input name="email"></label>' +
        '<button>Log in</button></form><script type="module" src="/app.js"></script>',
    );
};

// Forty tasks of 10 ms of work each, posted one after the other, as a framework's scheduler yields between units.
const hydratingScript: Route = (_request, response) => {
  response.writeHead(200, { 'content-type': 'text/javascript' }).end(`
    let left = 40;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const until = performance.now() + 10;
      while (performance.now() < until) {}
      if (--left > 0) return channel.port2.postMessage(null);
      document.querySelector('form').addEventListener('submit', (event) => event.preventDefault());
      window.hydrated = true;
      fetch('/api/user').then(() => { window.guestChecked = true; });
    };
    channel.port2.postMessage(null);
  `);
};

const guest: Route = (_request: http.IncomingMessage, response: http.ServerResponse) => {
  json(response, { message: 'Unauthenticated.' });
};

const adapter: SpaAdapter = {
  emailInput: (page) => page.getByLabel('Email'),
  passwordInput: (page) => page.getByLabel('Password'),
  submitButton: (page) => page.getByRole('button', { name: 'Log in' }),
  signedOut: (page) => page.getByRole('form', { name: 'Log in' }),
  signedIn: (page) => page.getByText('Signed in'),
  loginError: (page) => page.getByRole('alert'),
};

test('the form is visible before the page hydrates: the race the wait is for', async ({ page, server }) => {
  await page.goto(server.origin);
  await plain(adapter.signedOut(page)).toBeVisible();
  plain(await page.evaluate(() => (window as { hydrated?: boolean }).hydrated)).toBeUndefined();
});

test('open() returns once the page has hydrated and its guest check is answered', async ({ page, context, server }) => {
  const traffic = TrafficRecorder.attach(context, server.origin);
  await new SpaPage(page, server.origin, adapter, traffic).open();
  plain(await page.evaluate(() => (window as { hydrated?: boolean }).hydrated)).toBe(true);
  plain(traffic.all('GET', '/api/user').map((exchange) => exchange.response?.status)).toEqual([200]);
});

test("an adapter's ready() replaces the kit's own reading of the page", async ({ page, context, server }) => {
  const traffic = TrafficRecorder.attach(context, server.origin);
  const waited: string[] = [];
  const withReady: SpaAdapter = {
    ...adapter,
    ready: async (readyPage) => {
      await readyPage.waitForFunction(() => (window as { guestChecked?: boolean }).guestChecked === true);
      waited.push('ready');
    },
  };
  await new SpaPage(page, server.origin, withReady, traffic).open();
  plain(waited).toEqual(['ready']);
  plain(await page.evaluate(() => (window as { guestChecked?: boolean }).guestChecked)).toBe(true);
});
