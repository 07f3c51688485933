import { expect, test } from '../../fixtures/index.ts';

// Run by the project whose backend has SANCTUM_STATEFUL_DOMAINS=<host> without
// the SPA's port: the tutorial's pitfall. The kit must make it visible.

test('a backend whose stateful domains lack the SPA port logs in, then answers 401 after a reload', async ({ spaPage, traffic, page, apiOrigin, testUser, backend }) => {
  expect(backend.facts.statefulDomains, 'this twin runs with the SPA port missing from SANCTUM_STATEFUL_DOMAINS').not.toContain(new URL(spaPage.spaOrigin).host);

  await spaPage.open();
  const loginCall = traffic.waitFor('POST', '/login');
  await spaPage.logIn(testUser.email, testUser.password);
  expect((await loginCall).response?.status, 'POST /login runs in the web group: it succeeds either way').toBe(204);
  await expect(spaPage.alert).toHaveText('Request failed: 401 on GET /api/user right after a successful login');

  const userAfterReload = page.waitForResponse(`${apiOrigin}/api/user`);
  await page.reload();
  expect((await userAfterReload).status(), 'GET /api/user after a reload, with the SPA port missing from stateful domains').toBe(401);
  await expect(spaPage.loginForm).toBeVisible();
});
