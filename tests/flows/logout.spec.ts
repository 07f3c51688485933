import { expect, test } from '../../fixtures/index.ts';
import { hint } from './hints.ts';
import { signInThroughTheForm } from './sign-in.ts';

test('logout signs out, and the old session cookie is worthless', async ({ spaPage, traffic, page, apiOrigin, spaOrigin, sessionCookieName, testUser, newSpaClient }) => {
  await signInThroughTheForm(spaPage, apiOrigin, testUser);
  const signedInSession = (await page.context().cookies(apiOrigin)).find((cookie) => cookie.name === sessionCookieName)?.value;

  const logoutCall = traffic.waitFor('POST', '/logout');
  await spaPage.logOut();
  const logout = await logoutCall;
  expect(logout.response?.status, `POST /logout${logout.failure ? `: ${hint.corsBlocked}` : ''}`).toBe(204);
  await expect(spaPage.loginForm).toBeVisible();
  // Checked before any /api call: Sanctum forces HttpOnly there, the web routes follow SESSION_HTTP_ONLY.
  expect(logout, hint.httpOnly).toBeHttpOnlyCookie(sessionCookieName);
  const visible = await spaPage.scriptVisibleCookieNames();
  expect(visible, `document.cookie must not show ${sessionCookieName}: ${hint.httpOnly}`).not.toContain(sessionCookieName);
  expect(visible).toContain('XSRF-TOKEN');

  const asBrowser = await page.context().request.get(`${apiOrigin}/api/user`, { headers: { Accept: 'application/json', Origin: spaOrigin, Referer: `${spaOrigin}/` } });
  expect(asBrowser.status(), 'GET /api/user with the browser cookies after logout').toBe(401);
  const replay = await newSpaClient();
  const replayed = await replay.getUser({ cookieHeader: `${sessionCookieName}=${signedInSession}` });
  expect(replayed.status(), 'the signed-in session cookie replayed in a fresh context after logout').toBe(401);
  expect(await page.context().cookies(apiOrigin)).toBeHttpOnlyCookie(sessionCookieName);
});
