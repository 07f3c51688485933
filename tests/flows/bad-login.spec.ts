import { expect, test } from '../../fixtures/index.ts';
import { hint } from './hints.ts';

test('a wrong password shows the server message and stays signed out', async ({ spaPage, traffic, page, apiOrigin, spaOrigin }) => {
  await spaPage.open();
  await expect(spaPage.loginForm).toBeVisible();
  // A fresh address each run: five failures for one address lock it for a minute.
  const email = `nobody-${test.info().testId}-${test.info().repeatEachIndex}-${test.info().retry}@example.com`;

  const loginCall = traffic.waitFor('POST', '/login');
  await spaPage.logIn(email, 'wrong-password');
  const login = await loginCall;
  expect(login.response?.status, `POST /login with a wrong password${login.failure ? `: ${hint.corsBlocked}` : ''}`).toBe(422);
  const message = 'These credentials do not match our records.';
  expect(login.response?.json, 'the 422 body').toEqual({ message, errors: { email: [message] } });
  await expect(spaPage.alert, 'the SPA shows the 422 message the server sent').toHaveText(message);
  await expect(spaPage.emailInput).toHaveAttribute('aria-invalid', 'true');

  // Still a guest: the browser's own cookies, sent to the API from the SPA origin.
  const asGuest = await page.context().request.get(`${apiOrigin}/api/user`, { headers: { Accept: 'application/json', Origin: spaOrigin, Referer: `${spaOrigin}/` } });
  expect(asGuest.status(), 'GET /api/user after a failed login').toBe(401);
  await expect(spaPage.signedInHeading).toBeHidden();
});
