import { diagnose, formatDiagnosis, gatherEvidence } from 'sanctum-spa-kit/diagnosis';
import { expect, test } from 'sanctum-spa-kit';
import { attemptSignIn } from './sign-in-attempt.ts';

// Run by each replicas twin project (playwright.config.ts): replicas that do
// not share what they must. The twin must show on the wire, and the kit's
// diagnosis must be the project's (metadata.diagnosis).

test('the twin shows on the wire, and the diagnosis names the cause', async ({
  page,
  traffic,
  testTraffic,
  stack,
  spaOrigin,
  sessionCookieName,
  testUser,
  newSpaClient,
}, testInfo) => {
  const expected = testInfo.project.metadata.diagnosis as string;
  if (expected === 'login-not-throttled') {
    // Five wrong passwords spread over both replicas, then the right one: each replica counted only its own.
    const attacker = await newSpaClient();
    await attacker.csrfCookie();
    for (let attempt = 1; attempt <= 5; attempt++)
      expect((await attacker.login(testUser.email, 'wrong-password')).status(), `wrong password ${attempt}`).toBe(422);
    const locked = await attacker.login(testUser.email, testUser.password);
    expect(locked.status(), 'the right password after 5 failures: a throttle counted per replica lets it in').toBe(204);
  } else {
    const { login, userAfterLogin } = await attemptSignIn(page, traffic, spaOrigin, testUser);
    // 419 when the token's session is on the other replica; 204 when both landed on one, then 401 from the other.
    if (login.response?.status === 204)
      expect(
        (await userAfterLogin).response?.status,
        'GET /api/user right after a 204 login, from the other replica',
      ).toBe(401);
    else expect(login.response?.status, 'POST /login when the replicas do not share the session').toBe(419);
  }
  await traffic.settled();
  const diagnosis = diagnose(await gatherEvidence(stack, sessionCookieName, testTraffic));
  expect(diagnosis?.id, diagnosis ? formatDiagnosis(diagnosis) : 'the kit found no cause').toBe(expected);
});
