import { runDoctor } from '../../fixtures/tools/doctor/run-doctor.ts';
import { DOCTOR_CHECKS } from '../../fixtures/tools/doctor/checks/all-checks.ts';
import type { DoctorReport } from '../../fixtures/tools/doctor/model/doctor-report.ts';
import { freePort } from '../../fixtures/runtime/process/free-port.ts';
import { test, expect } from './support/doctor-fixture.ts';
import { startLocalServer, type LocalServer } from './support/local-server.ts';

// The whole doctor, run for real: its HTTP probes against a Laravel-like API
// on loopback, and headless Chromium opening an SPA page served beside it.

const USER = { email: 'test@example.com', password: 'password' };

const statusesOf = (report: DoctorReport) => Object.fromEntries(report.checks.map((check) => [check.id, check.status]));
const failedIds = (report: DoctorReport) =>
  report.checks.filter((check) => check.status === 'fail').map((check) => check.id);

const spaTest = test.extend<{ spaPage: LocalServer }>({
  spaPage: async ({}, use) => {
    const page = await startLocalServer();
    await use(page);
    await page.close();
  },
});

test('an API that does not answer fails api-reachable; every check after it is skipped for that reason', async () => {
  const [apiPort, spaPort] = [await freePort(), await freePort()];
  const report = await runDoctor({
    apiUrl: `http://127.0.0.1:${apiPort}`,
    spaUrl: `http://127.0.0.1:${spaPort}`,
    timeoutMs: 2_000,
  });
  expect(report.ok).toBe(false);
  expect(
    report.checks.map((check) => check.id),
    'every check reported, in order',
  ).toEqual(DOCTOR_CHECKS.map((check) => check.id));
  expect(report.checks[0]).toMatchObject({
    id: 'api-reachable',
    status: 'fail',
    saw: expect.stringContaining('ECONNREFUSED'),
  });
  const signIn = ['login-round-trip', 'logout-invalidates'];
  const afterIt = report.checks.slice(1);
  expect(
    afterIt.filter((check) => !signIn.includes(check.id)).map(({ id, status, saw }) => ({ id, status, saw })),
    'a dead API is the reason given all the way down',
  ).toEqual(
    DOCTOR_CHECKS.slice(1)
      .filter((check) => !signIn.includes(check.id))
      .map(({ id }) => ({ id, status: 'skip', saw: 'the API does not answer' })),
  );
  expect(
    afterIt.filter((check) => signIn.includes(check.id)),
    'no user given: the sign-in says what it needs',
  ).toMatchObject(signIn.map((id) => ({ id, status: 'skip', saw: expect.stringContaining('needs --user') })));
});

spaTest(
  'a well-configured API and SPA pass every check, Chromium and the sign-in included',
  async ({ laravelLikeApi, spaPage }) => {
    const api = await laravelLikeApi({ frontendUrl: spaPage.origin, user: USER });
    const report = await runDoctor({ apiUrl: api.origin, spaUrl: spaPage.origin, user: USER });
    expect(
      report.checks.filter((check) => check.status !== 'pass'),
      'no check failed or skipped',
    ).toEqual([]);
    expect(report.ok).toBe(true);
  },
);

spaTest(
  'SameSite=None without Secure: named over HTTP, and Chromium refuses both cookies for SameSiteNoneInsecure',
  async ({ laravelLikeApi, spaPage }) => {
    const api = await laravelLikeApi({ frontendUrl: spaPage.origin, session: { sameSite: 'none' } });
    const report = await runDoctor({ apiUrl: api.origin, spaUrl: spaPage.origin });
    expect(failedIds(report), 'only the SameSite checks fail').toEqual([
      'cookie-samesite',
      'browser-cookies-accepted',
      'browser-xsrf-readable',
    ]);
    const accepted = report.checks.find((check) => check.id === 'browser-cookies-accepted')!;
    expect(accepted.saw).toContain('Chromium did not keep XSRF-TOKEN, laravel-session');
    expect(accepted.saw).toContain('XSRF-TOKEN: SameSite=None without Secure (SameSiteNoneInsecure)');
    expect(accepted.fix).toContain('SESSION_SAME_SITE=lax');
    expect(statusesOf(report)['login-round-trip'], 'no user given: no sign-in').toBe('skip');
  },
);
