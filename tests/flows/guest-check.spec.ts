import { expect, test } from '../../fixtures/index.ts';
import { hint } from './hints.ts';

test('shows loading, then the login form after a 401', async ({ spaPage, traffic, spaOrigin, sessionCookieName }) => {
  await spaPage.open();
  await expect(spaPage.loginForm).toBeVisible();
  expect(await spaPage.screens(), 'the screens the SPA showed, in order').toEqual(['loading', 'login form']);
  await traffic.settled();

  const csrf = traffic.find('GET', '/sanctum/csrf-cookie');
  expect(csrf.response?.status, `GET /sanctum/csrf-cookie: ${csrf.failure ? hint.corsBlocked : 'status'}`).toBe(204);
  expect(csrf).toHaveCookie('XSRF-TOKEN');
  expect(csrf).not.toBeHttpOnlyCookie('XSRF-TOKEN');
  expect(csrf).toBeHttpOnlyCookie(sessionCookieName);
  expect(csrf).toHaveSameSite(sessionCookieName, 'Lax');
  expect(csrf).toBeHostOnlyCookie(sessionCookieName);
  expect(csrf).toBeHostOnlyCookie('XSRF-TOKEN');
  expect(await spaPage.scriptVisibleCookieNames(), 'document.cookie: XSRF-TOKEN readable, the session cookie not').toEqual(['XSRF-TOKEN']);

  const userExchange = traffic.find('GET', '/api/user');
  expect(userExchange.response?.status, `guest GET /api/user${userExchange.failure ? `: ${hint.corsBlocked}` : ''}`).toBe(401);
  expect(userExchange.response?.json).toEqual({ message: 'Unauthenticated.' });
  expect(userExchange).toHaveSentHeader('Origin', spaOrigin);
  expect(userExchange).toHaveSentHeader('Accept', 'application/json');
  expect(userExchange.response?.cors['access-control-allow-origin'], `Access-Control-Allow-Origin: ${hint.corsBlocked}`).toBe(spaOrigin);
  expect(userExchange.response?.cors['access-control-allow-credentials'], `Access-Control-Allow-Credentials: ${hint.corsBlocked}`).toBe('true');
});
