import { expect, SpaPage, test } from 'sanctum-spa-kit';
import type { Page } from '@playwright/test';
import { bundledSpaAdapter } from '../bundled-spa/adapter.ts';

// Tests that are not about login start signed in: the kit signs in through the SPA's form once per worker
// and role, and checks the saved state with GET /api/user before each reuse. Roles: playwright.config.ts.
test.use({ spaAdapter: bundledSpaAdapter });
// Tagged @signed-in: the break catalogue leaves them out (--grep-invert), they catch nothing the flows do not.

/** The annotation the kit leaves on a signed-in test: how it came by the state. */
const howSignedIn = () => test.info().annotations.find((annotation) => annotation.type === 'signed in')?.description;

async function openSignedIn(page: Page, spaOrigin: string) {
  const spa = new SpaPage(page, spaOrigin, bundledSpaAdapter);
  const identity = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/user');
  await spa.open();
  return { spa, identity: await identity };
}

for (const role of ['user', 'reviewer'] as const) {
  test.describe(`signed in as ${role}`, { tag: '@signed-in' }, () => {
    // In order, in one worker: the second test finds the state the first one used.
    test.describe.configure({ mode: 'serial' });
    test.use({ signedInAs: role });

    test('the page opens signed in as the role, and the wire agrees', async ({ page, spaOrigin, signedInUser }) => {
      const { spa, identity } = await openSignedIn(page, spaOrigin);
      expect(identity.status(), "the page's GET /api/user").toBe(200);
      expect((await identity.json()).email, 'the user the API names').toBe(signedInUser.email);
      await expect(spa.signedIn(signedInUser)).toBeVisible();
      expect(howSignedIn(), 'the kit says how it came by the state').toContain(`as ${role}`);
    });

    test('a second test reuses the state, never the form', async ({ page, spaOrigin, signedInUser }) => {
      expect(howSignedIn(), 'the kit says how it came by the state').toBe(
        `as ${role} (${signedInUser.email}): reused (GET /api/user 200)`,
      );
      const { spa } = await openSignedIn(page, spaOrigin);
      await expect(spa.signedIn(signedInUser)).toBeVisible();
    });
  });
}

test.describe('a state a test logged out of', { tag: '@signed-in' }, () => {
  // In order, in one worker: the second test finds the state the first one's logout ended.
  test.describe.configure({ mode: 'serial' });
  test.use({ signedInAs: 'user' });

  test('logging out ends the session the saved state holds', async ({ page, spaOrigin, signedInUser, apiOrigin }) => {
    const { spa } = await openSignedIn(page, spaOrigin);
    await expect(spa.signedIn(signedInUser)).toBeVisible();
    await spa.logOut();
    await expect(spa.signedOut).toBeVisible();
    const after = await page.context().request.get(`${apiOrigin}/api/user`, {
      headers: { Accept: 'application/json', Origin: spaOrigin, Referer: `${spaOrigin}/` },
    });
    expect(after.status(), 'GET /api/user with the logged-out session').toBe(401);
  });

  test('the next test is signed in again, not handed the dead state', async ({ page, spaOrigin, signedInUser }) => {
    expect(howSignedIn()).toMatch(/signed in again through the SPA: the saved state's GET \/api\/user answered 401/);
    const { spa, identity } = await openSignedIn(page, spaOrigin);
    expect(identity.status(), "the page's GET /api/user").toBe(200);
    await expect(spa.signedIn(signedInUser)).toBeVisible();
  });
});
