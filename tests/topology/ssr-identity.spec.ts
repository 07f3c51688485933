import { expect, identityCallSince, SpaPage, test } from 'sanctum-spa-kit';
import { SSR_API_STATUS_HEADER } from 'sanctum-spa-kit/fixtures';
import { bundledSpaAdapter } from '../bundled-spa/adapter.ts';

// Server-side identity: the page's server asks GET /api/user and writes the
// answer into the page; the browser never asks it. The flows pass on it
// (ssr-flows.spec.ts); here, that the shape is what it claims, and that a
// step nobody can see fails at once, naming the shape.

test('only the server asks who the visitor is: guest, login, reload and logout', async ({
  page,
  traffic,
  stack,
  spaOrigin,
  testUser,
}) => {
  const spa = new SpaPage(page, spaOrigin, bundledSpaAdapter, traffic);
  const identity = { traffic, stack, userPath: '/api/user' };
  const visit = traffic.mark();
  const first = page.waitForResponse((response) => response.request().isNavigationRequest());
  await spa.open();
  expect((await first).headers()[SSR_API_STATUS_HEADER], "the server's GET /api/user for a guest").toBe('401');
  expect(await identityCallSince(identity, visit, 'on the first visit')).toMatchObject({ from: 'spa-server' });

  const login = traffic.mark();
  const reloaded = page.waitForResponse((response) => response.request().isNavigationRequest());
  await spa.logIn(testUser);
  expect((await reloaded).headers()[SSR_API_STATUS_HEADER], "the server's GET /api/user after login").toBe('200');
  await expect(spa.signedIn(testUser)).toBeVisible();
  expect(await identityCallSince(identity, login, 'after the login')).toMatchObject({ from: 'spa-server' });

  await spa.logOut();
  await expect(spa.signedOut).toBeVisible();
  await traffic.settled();
  expect(traffic.all('GET', '/api/user'), 'the browser never asks GET /api/user itself').toEqual([]);
});

test('a step whose identity call nobody sees fails within the log lag, naming the shape', async ({
  page,
  traffic,
  stack,
  spaOrigin,
}) => {
  const spa = new SpaPage(page, spaOrigin, bundledSpaAdapter, traffic);
  const visit = traffic.mark();
  await spa.open();
  // The SPA's server asks /api/user; told that identity is /api/me, the kit sees no such call anywhere.
  const started = Date.now();
  const unseen = await identityCallSince({ traffic, stack, userPath: '/api/me' }, visit, 'on the first visit').then(
    () => undefined,
    (error: Error) => error,
  );
  test.info().annotations.push({ type: 'identity-not-seen after', description: `${Date.now() - started} ms` });
  expect(unseen?.message).toContain('identity not seen: on the first visit, no GET /api/me reached the API');
  expect(unseen?.message).toContain("nor from the SPA's own server");
  expect(unseen?.message).toContain("sanctumFlows(test, adapter, { userPath: '/api/me' })");
});
