import { expect, test } from '../../fixtures/index.ts';
import { hint } from './hints.ts';

test('a good login sends the CSRF header from the SPA origin, renews the session and shows the user', async ({
  spaPage, traffic, page, apiOrigin, spaOrigin, sessionCookieName, testUser, newSpaClient,
}) => {
  await spaPage.open();
  await expect(spaPage.loginForm).toBeVisible();
  const jarBefore = await page.context().cookies(apiOrigin);
  const preLoginSession = jarBefore.find((cookie) => cookie.name === sessionCookieName)?.value;
  const preLoginXsrf = decodeURIComponent(jarBefore.find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? '');
  expect(preLoginSession, `the guest check left a ${sessionCookieName} cookie`).toBeDefined();

  const loginCall = traffic.waitFor('POST', '/login');
  // Set after the form showed, so this is the SPA's call right after login, not the one on load.
  const userAfterLogin = page.waitForResponse(`${apiOrigin}/api/user`);
  await spaPage.logIn(testUser.email, testUser.password);
  const login = await loginCall;

  expect(login.response?.status, `POST /login${login.failure ? `: ${hint.corsBlocked}` : login.response?.status === 419 ? `: ${hint.csrf}` : ''}`).toBe(204);
  expect(login, 'X-XSRF-TOKEN must be the decoded XSRF-TOKEN cookie').toHaveSentHeader('X-XSRF-TOKEN', preLoginXsrf);
  expect(login).toHaveSentHeader('Origin', spaOrigin);
  expect(login).toHaveSentCookie(sessionCookieName);
  expect(login).toHaveCookie(sessionCookieName);
  expect(login).toHaveCookie('XSRF-TOKEN');

  const user = await userAfterLogin;
  expect(user.status(), `GET /api/user after login: ${hint.notStateful}`).toBe(200);
  await expect(spaPage.signedInAs(testUser.email)).toBeVisible();
  const body = await user.json();
  expect(body.email).toBe(testUser.email);
  expect(body, '/api/user must not expose the password hash').not.toHaveProperty('password');
  expect(body).not.toHaveProperty('remember_token');

  // Values are re-encrypted on every response, so a changed value proves nothing.
  // The old ones being refused does: a new session id and a new CSRF token.
  const replay = await newSpaClient();
  const oldSession = await replay.getUser({ cookieHeader: `${sessionCookieName}=${preLoginSession}` });
  expect(oldSession.status(), 'the pre-login session cookie must not be signed in (the session id was regenerated)').toBe(401);
  const signedInSession = (await page.context().cookies(apiOrigin)).find((cookie) => cookie.name === sessionCookieName)?.value;
  const oldToken = await replay.logout({ xsrfToken: preLoginXsrf, cookieHeader: `${sessionCookieName}=${signedInSession}` });
  expect(oldToken.status(), 'the pre-login X-XSRF-TOKEN must be refused after login (the CSRF token was renewed)').toBe(419);
});
