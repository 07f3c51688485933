import { expect, SpaPage, test } from 'sanctum-spa-kit';
import { SSR_API_STATUS_HEADER } from 'sanctum-spa-kit/fixtures';
import { bundledSpaAdapter } from '../bundled-spa/adapter.ts';

// The SSR topology: a server between the browser and Laravel renders each
// page after asking the API who the visitor is. Asserted on the HTML the
// server sent, before any script ran: a guest first, the user after login
// and a reload.

test("the server-rendered HTML is a guest's before login and the user's after a reload", async ({
  page,
  traffic,
  spaOrigin,
  testUser,
}) => {
  const spa = new SpaPage(page, spaOrigin, bundledSpaAdapter);
  const first = await page.goto(spaOrigin);
  expect(first!.headers()[SSR_API_STATUS_HEADER], "the server's GET /api/user for a guest").toBe('401');
  expect(await first!.text(), 'the first HTML is rendered as a guest').toContain('data-ssr="guest"');
  await expect(spa.signedOut).toBeVisible();

  const loginCall = traffic.waitFor('POST', '/login');
  await spa.logIn(testUser);
  expect((await loginCall).response?.status).toBe(204);
  await expect(spa.signedIn(testUser)).toBeVisible();

  const reload = await page.reload();
  expect(
    reload!.headers()[SSR_API_STATUS_HEADER],
    "the server's GET /api/user with the browser's session cookie, Origin and Referer",
  ).toBe('200');
  const html = await reload!.text();
  expect(html, 'the HTML of the reload, before the SPA runs, names the signed-in user').toContain(
    'data-ssr="signed-in"',
  );
  expect(html).toContain(testUser.email);
});
