import { expect, test } from 'sanctum-spa-kit';
import { attemptSignIn, signInOutcome } from './sign-in-attempt.ts';
import { expectDiagnosis } from './twin-diagnosis.ts';

// Run by each https twin project (playwright.config.ts): a misconfiguration
// that only shows on subdomains over TLS. The sign-in must fail, and the
// kit's diagnosis of what the browser recorded must be the project's.
// SameSite=None without Secure fails late: Sanctum sets its stateful /api
// answers' cookies Lax, so the SPA's first GET /api/user gives the browser
// cookies it keeps; the login then answers 204, and it is the new session
// cookie of that answer the browser drops.

test('the sign-in fails, and the diagnosis names the cause', async ({
  page,
  traffic,
  testTraffic,
  stack,
  spaOrigin,
  sessionCookieName,
  testUser,
}, testInfo) => {
  // Refused outright (419), or "signed in" with a session cookie the browser then dropped (401 right after).
  const outcome = await signInOutcome(await attemptSignIn(page, traffic, spaOrigin, testUser));
  expect(outcome, 'the twin must not be signed in').not.toBe('POST /login 204, then GET /api/user 200');
  await expectDiagnosis({ traffic, testTraffic, stack, sessionCookieName }, testInfo.project.metadata.diagnosis);
});
