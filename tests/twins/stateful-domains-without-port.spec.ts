import { expect, SpaPage, test } from 'sanctum-spa-kit';
import { bundledSpaAdapter } from '../bundled-spa/adapter.ts';

// Run by the project whose backend has SANCTUM_STATEFUL_DOMAINS=<host> without
// the SPA's port: the tutorial's pitfall. The kit must make it visible.

test('a backend whose stateful domains lack the SPA port logs in, then answers 401 after a reload', async ({
  page,
  traffic,
  spaOrigin,
  appFacts,
  testUser,
}) => {
  expect(
    appFacts.statefulDomains,
    'this twin runs with the SPA port missing from SANCTUM_STATEFUL_DOMAINS',
  ).not.toContain(new URL(spaOrigin).host);
  const spa = new SpaPage(page, spaOrigin, bundledSpaAdapter);

  await spa.open();
  await expect(spa.signedOut).toBeVisible();
  const loginCall = traffic.waitFor('POST', '/login');
  await spa.logIn(testUser);
  expect((await loginCall).response?.status, 'POST /login runs in the web group: it succeeds either way').toBe(204);
  await expect(spa.loginError).toHaveText('Request failed: 401 on GET /api/user right after a successful login');

  const userAfterReload = traffic.waitFor('GET', '/api/user');
  await page.reload();
  expect(
    (await userAfterReload).response?.status,
    'GET /api/user after a reload, with the SPA port missing from stateful domains',
  ).toBe(401);
  await expect(spa.signedOut).toBeVisible();
});
