import { expect, SpaPage, test } from 'sanctum-spa-kit';
import { SSR_API_STATUS_HEADER } from 'sanctum-spa-kit/fixtures';
import { bundledSpaAdapter } from '../bundled-spa/adapter.ts';
import { expectDiagnosis } from './twin-diagnosis.ts';

// The SSR twin: the server forwards the browser's cookies without Origin or
// Referer, so Sanctum treats its call as stateless: every server-rendered
// page is a guest's, while the SPA in the browser is signed in. The kit must
// name it (metadata.diagnosis).

test("every server-rendered page is a guest's, and the diagnosis names the cause", async ({
  page,
  traffic,
  testTraffic,
  stack,
  spaOrigin,
  sessionCookieName,
  testUser,
}, testInfo) => {
  const spa = new SpaPage(page, spaOrigin, bundledSpaAdapter);
  await spa.open();
  const loginCall = traffic.waitFor('POST', '/login');
  await spa.logIn(testUser);
  expect((await loginCall).response?.status).toBe(204);
  await expect(spa.signedIn(testUser), 'the SPA itself is signed in').toBeVisible();
  const reload = await page.reload();
  expect(reload!.headers()[SSR_API_STATUS_HEADER], "the server's GET /api/user without Origin/Referer").toBe('401');
  expect(await reload!.text(), "the HTML of the reload is a guest's").toContain('data-ssr="guest"');
  await expectDiagnosis({ traffic, testTraffic, stack, sessionCookieName }, testInfo.project.metadata.diagnosis);
});
