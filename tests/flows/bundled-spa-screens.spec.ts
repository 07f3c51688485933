import { expect, SpaPage, test } from 'sanctum-spa-kit';
import { bundledSpaAdapter } from '../bundled-spa/adapter.ts';
import { recordScreenHistory, screenHistory } from '../bundled-spa/screen-history.ts';

// What only the bundled SPA promises: its screens, in order, recorded from the
// page's first script on, so "loading, then the form" is asserted without a race.

test('the bundled SPA shows loading, then the login form after a 401', async ({ page, spaOrigin, traffic }) => {
  await recordScreenHistory(page);
  const spa = new SpaPage(page, spaOrigin, bundledSpaAdapter);
  const guest = traffic.waitFor('GET', '/api/user');
  await spa.open();
  expect((await guest).response?.status, 'guest GET /api/user').toBe(401);
  await expect(spa.signedOut).toBeVisible();
  expect(await screenHistory(page), 'the screens the SPA showed, in order').toEqual(['loading', 'login form']);
});

test('after a reload the bundled SPA goes from loading straight to signed in', async ({
  page,
  spaOrigin,
  traffic,
  testUser,
}) => {
  await recordScreenHistory(page);
  const spa = new SpaPage(page, spaOrigin, bundledSpaAdapter);
  await spa.open();
  await expect(spa.signedOut).toBeVisible();
  const signedIn = traffic.waitFor('GET', '/api/user');
  await spa.logIn(testUser);
  expect((await signedIn).response?.status, 'GET /api/user after login').toBe(200);
  const afterReload = traffic.waitFor('GET', '/api/user');
  await page.reload();
  expect((await afterReload).response?.status, 'GET /api/user after the reload').toBe(200);
  await expect(spa.signedIn(testUser)).toBeVisible();
  expect(await screenHistory(page), 'the screens after the reload').toEqual(['loading', 'signed in']);
});
