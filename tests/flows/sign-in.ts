import { expect, type SpaPage } from '../../fixtures/index.ts';
import { hint } from './hints.ts';

/**
 * The good-login path as a precondition of later flows: open the SPA, sign in
 * through the form, and wait on the wire (GET /api/user 200) before the screen.
 */
export async function signInThroughTheForm(spaPage: SpaPage, apiOrigin: string, user: { email: string; password: string }): Promise<void> {
  await spaPage.open();
  await expect(spaPage.loginForm).toBeVisible();
  const userAfterLogin = spaPage.page.waitForResponse(`${apiOrigin}/api/user`);
  await spaPage.logIn(user.email, user.password);
  expect((await userAfterLogin).status(), `GET /api/user after login: ${hint.notStateful}`).toBe(200);
  await expect(spaPage.signedInAs(user.email)).toBeVisible();
}
