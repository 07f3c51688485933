import { expect, test } from 'sanctum-spa-kit';
import { expectDiagnosis } from './twin-diagnosis.ts';

// Run by the replicas twin whose login throttle is counted per replica (a cache
// of files per replica; playwright.config.ts). The twin must show on the wire,
// and the kit's diagnosis must be the project's (metadata.diagnosis).

test('five wrong passwords do not lock the account, and the diagnosis names the cause', async ({
  traffic,
  testTraffic,
  stack,
  sessionCookieName,
  testUser,
  newSpaClient,
}, testInfo) => {
  // Five wrong passwords spread over both replicas, then the right one: each replica counted only its own.
  const attacker = await newSpaClient();
  await attacker.csrfCookie();
  const wrongAnswers: number[] = [];
  for (let attempt = 1; attempt <= 5; attempt++)
    wrongAnswers.push((await attacker.login(testUser.email, 'wrong-password')).status());
  expect(wrongAnswers, 'POST /login with a wrong password, five times').toEqual([422, 422, 422, 422, 422]);
  const locked = await attacker.login(testUser.email, testUser.password);
  expect(locked.status(), 'the right password after 5 failures: a throttle counted per replica lets it in').toBe(204);
  await expectDiagnosis({ traffic, testTraffic, stack, sessionCookieName }, testInfo.project.metadata.diagnosis);
});
