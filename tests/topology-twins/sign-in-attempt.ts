import type { Page } from '@playwright/test';
import { expect, SpaPage, type Exchange } from 'sanctum-spa-kit';
import type { TestUser } from 'sanctum-spa-kit/config';
import type { TrafficRecorder } from 'sanctum-spa-kit/fixtures';
import { bundledSpaAdapter } from '../bundled-spa/adapter.ts';

/**
 * What the wire said of a sign-in: "POST /login 419", or, after a 204,
 * "POST /login 204, then GET /api/user <status>" (the GET awaited only then:
 * a refused login is followed by none).
 */
export async function signInOutcome(attempt: { login: Exchange; userAfterLogin: Promise<Exchange> }): Promise<string> {
  const login = `POST /login ${attempt.login.response?.status ?? 'unanswered'}`;
  if (attempt.login.response?.status !== 204) return login;
  return `${login}, then GET /api/user ${(await attempt.userAfterLogin).response?.status ?? 'unanswered'}`;
}

/**
 * A sign-in through the bundled SPA on a twin that must not hold it: the
 * login's answer, and the GET /api/user that follows a 204 (awaited only
 * then: a refused login is followed by none).
 */
export async function attemptSignIn(
  page: Page,
  traffic: TrafficRecorder,
  spaOrigin: string,
  testUser: TestUser,
): Promise<{ login: Exchange; userAfterLogin: Promise<Exchange> }> {
  const spa = new SpaPage(page, spaOrigin, bundledSpaAdapter);
  await spa.open();
  await expect(spa.signedOut).toBeVisible();
  const loginCall = traffic.waitFor('POST', '/login');
  const userAfterLogin = traffic.waitFor('GET', '/api/user');
  await spa.logIn(testUser);
  return { login: await loginCall, userAfterLogin };
}
