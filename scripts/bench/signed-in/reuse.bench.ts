// 30 tests that need a signed-in user, twice in one run and one worker: on the worker's saved state
// (signed in once through the form, checked with GET /api/user before each reuse), then signing in
// through the form for each test (signInEachTest), what a suite without saved states does.
import { expect, SpaPage, test } from 'sanctum-spa-kit';
import { bundledSpaAdapter } from '../../../tests/bundled-spa/adapter.ts';

const SIGNED_IN_TESTS = 30;

test.use({ spaAdapter: bundledSpaAdapter, signedInAs: 'user' });

for (const side of ['reused state', 'sign-in per test'] as const) {
  test.describe(side, () => {
    test.use({ signInEachTest: side === 'sign-in per test' });
    for (let index = 1; index <= SIGNED_IN_TESTS; index++)
      test(`signed-in test ${index}`, async ({ page, spaOrigin, signedInUser }) => {
        const spa = new SpaPage(page, spaOrigin, bundledSpaAdapter);
        await spa.open();
        await expect(spa.signedIn(signedInUser)).toBeVisible();
      });
  });
}
