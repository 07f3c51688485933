import { expect, test } from '../../fixtures/index.ts';
import { hint } from './hints.ts';
import { signInThroughTheForm } from './sign-in.ts';

test('keeps the session across a reload, with no new login', async ({ spaPage, traffic, page, apiOrigin, testUser }) => {
  await signInThroughTheForm(spaPage, apiOrigin, testUser);

  const userAfterReload = page.waitForResponse(`${apiOrigin}/api/user`);
  await page.reload();
  expect((await userAfterReload).status(), `GET /api/user after a reload: ${hint.notStateful}`).toBe(200);
  await expect(spaPage.signedInAs(testUser.email)).toBeVisible();
  expect(await spaPage.screens(), 'after the reload the SPA goes from loading straight to signed in').toEqual(['loading', 'signed in']);
  await traffic.settled();
  expect(traffic.all('POST', '/login'), 'the reload must not log in again').toHaveLength(1);
});
