import { expect, test } from 'sanctum-spa-kit';
import { attemptSignIn, signInOutcome } from './sign-in-attempt.ts';
import { expectDiagnosis } from './twin-diagnosis.ts';

// Run by the replicas twins whose replicas do not share the session (files per
// replica, a different APP_KEY per replica; playwright.config.ts). The twin must
// show on the wire, and the kit's diagnosis must be the project's (metadata.diagnosis).

test('the sign-in does not hold across replicas, and the diagnosis names the cause', async ({
  page,
  traffic,
  testTraffic,
  stack,
  spaOrigin,
  sessionCookieName,
  testUser,
}, testInfo) => {
  // 419 when the token's session is on the other replica; 204 when both landed on one, then 401 from the other.
  const outcome = await signInOutcome(await attemptSignIn(page, traffic, spaOrigin, testUser));
  expect(['POST /login 419', 'POST /login 204, then GET /api/user 401'], 'the sign-in on the wire').toContain(outcome);
  await expectDiagnosis({ traffic, testTraffic, stack, sessionCookieName }, testInfo.project.metadata.diagnosis);
});
