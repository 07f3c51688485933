// The five flows as a team would write them by hand: page.goto, getByLabel,
// waitForResponse, and expect on what the page shows and the status codes.
// The same page loads and API calls as the kit's flows on the bundled SPA.
import { expect, test, type APIRequestContext, type Page, type Response } from '@playwright/test';

const apiUrl = process.env.KIT_API_URL ?? 'http://localhost:8000';
const spaUrl = process.env.KIT_SPA_URL ?? 'http://localhost:5173';
const user = {
  email: process.env.KIT_TEST_USER_EMAIL ?? 'test@example.com',
  password: process.env.KIT_TEST_USER_PASSWORD ?? 'password',
};
const fromSpa = { Accept: 'application/json', Origin: spaUrl, Referer: `${spaUrl}/` };

/** The next answer of the API to `method path`. */
function apiAnswer(page: Page, method: string, path: string): Promise<Response> {
  return page.waitForResponse((response) => {
    const url = new URL(response.url());
    return url.origin === apiUrl && url.pathname === path && response.request().method() === method;
  });
}

const loginForm = (page: Page) => page.getByRole('form', { name: 'Log in' });

async function logIn(page: Page, email: string, password: string): Promise<void> {
  await loginForm(page).getByLabel('Email').fill(email);
  await loginForm(page).getByLabel('Password').fill(password);
  await loginForm(page).getByRole('button', { name: 'Log in' }).click();
}

async function signIn(page: Page): Promise<void> {
  await page.goto('/');
  await expect(loginForm(page)).toBeVisible();
  const userCall = apiAnswer(page, 'GET', '/api/user');
  await logIn(page, user.email, user.password);
  expect((await userCall).status()).toBe(200);
  await expect(page.getByText(`Signed in as ${user.email}`)).toBeVisible();
}

/** The API's cookies in this browser: the session cookie is the one that is not XSRF-TOKEN. */
async function apiCookies(page: Page): Promise<{ session?: string; xsrf?: string }> {
  const cookies = await page.context().cookies(apiUrl);
  return {
    session: cookies.find((cookie) => cookie.name !== 'XSRF-TOKEN')?.value,
    xsrf: cookies.find((cookie) => cookie.name === 'XSRF-TOKEN')?.value,
  };
}

async function sessionCookieName(page: Page): Promise<string> {
  return (await page.context().cookies(apiUrl)).find((cookie) => cookie.name !== 'XSRF-TOKEN')!.name;
}

async function freshClient(playwright: { request: { newContext: (options: object) => Promise<APIRequestContext> } }) {
  return playwright.request.newContext({ baseURL: apiUrl, extraHTTPHeaders: fromSpa });
}

test.describe('five flows, bare Playwright', () => {
  test('guest: 401 and the login form', async ({ page }) => {
    const userCall = apiAnswer(page, 'GET', '/api/user');
    await page.goto('/');
    expect((await userCall).status()).toBe(401);
    await expect(loginForm(page)).toBeVisible();
    expect(await page.evaluate(() => document.cookie)).not.toContain(await sessionCookieName(page));
  });

  test('wrong password: 422, the message, still a guest', async ({ page }) => {
    await page.goto('/');
    await expect(loginForm(page)).toBeVisible();
    const loginCall = apiAnswer(page, 'POST', '/login');
    await logIn(page, `nobody-${Date.now()}@example.com`, 'wrong-password');
    expect((await loginCall).status()).toBe(422);
    await expect(page.getByRole('alert')).toContainText('These credentials do not match our records.');
    const asGuest = await page.context().request.get(`${apiUrl}/api/user`, { headers: fromSpa });
    expect(asGuest.status()).toBe(401);
  });

  test('good login: 204, the user, the old session and token refused', async ({ page, playwright }) => {
    await page.goto('/');
    await expect(loginForm(page)).toBeVisible();
    const before = await apiCookies(page);
    const name = await sessionCookieName(page);
    const loginCall = apiAnswer(page, 'POST', '/login');
    const userCall = apiAnswer(page, 'GET', '/api/user');
    await logIn(page, user.email, user.password);
    expect((await loginCall).status()).toBe(204);
    expect((await userCall).status()).toBe(200);
    await expect(page.getByText(`Signed in as ${user.email}`)).toBeVisible();

    const replay = await freshClient(playwright);
    expect((await replay.get('/api/user', { headers: { Cookie: `${name}=${before.session}` } })).status()).toBe(401);
    const signedIn = await apiCookies(page);
    const headers = { Cookie: `${name}=${signedIn.session}`, 'X-XSRF-TOKEN': decodeURIComponent(before.xsrf!) };
    expect((await replay.post('/logout', { headers, data: {}, maxRedirects: 0 })).status()).toBe(419);
    await replay.dispose();
  });

  test('reload: still signed in', async ({ page }) => {
    await signIn(page);
    const userCall = apiAnswer(page, 'GET', '/api/user');
    await page.reload();
    expect((await userCall).status()).toBe(200);
    await expect(page.getByText(`Signed in as ${user.email}`)).toBeVisible();
  });

  test('logout: signed out, the old session cookie worthless', async ({ page, playwright }) => {
    await signIn(page);
    const name = await sessionCookieName(page);
    const { session } = await apiCookies(page);
    const logoutCall = apiAnswer(page, 'POST', '/logout');
    await page.getByRole('button', { name: 'Log out' }).click();
    expect((await logoutCall).status()).toBe(204);
    await expect(loginForm(page)).toBeVisible();
    expect(await page.evaluate(() => document.cookie)).not.toContain(name);
    expect((await page.context().request.get(`${apiUrl}/api/user`, { headers: fromSpa })).status()).toBe(401);
    const replay = await freshClient(playwright);
    expect((await replay.get('/api/user', { headers: { Cookie: `${name}=${session}` } })).status()).toBe(401);
    await replay.dispose();
  });
});
