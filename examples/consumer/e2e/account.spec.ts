import { expect, test } from 'sanctum-spa-kit';
import { acmeAdapter } from './acme-adapter.ts';

// The rest of Acme's suite starts signed in: the kit signs in through Acme's own form once per worker and role
// (roles in playwright.config.ts), and checks the saved state with GET /api/user before each test reuses it.
test.use({ spaAdapter: acmeAdapter });

for (const role of ['member', 'reviewer']) {
  test.describe(`the account page, as ${role}`, () => {
    test.use({ signedInAs: role });

    test('greets the user by name', async ({ page, signedInUser }) => {
      await page.goto('/account');
      await expect(page.getByText(`Welcome back, ${String(signedInUser.name)}`)).toBeVisible();
      await expect(page.getByText(`Signed in as ${signedInUser.email}`)).toBeVisible();
    });
  });
}

test.describe('after a test signs out', () => {
  // In order, in one worker: the second test must not be handed the session the first one ended.
  test.describe.configure({ mode: 'serial' });
  test.use({ signedInAs: 'member' });

  test('signing out ends the session', async ({ page }) => {
    await page.goto('/account');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in to Acme' })).toBeVisible();
  });

  test('the next test starts signed in again', async ({ page, signedInUser }) => {
    const signedIn = test.info().annotations.find((annotation) => annotation.type === 'signed in');
    expect(signedIn?.description).toContain('signed in again');
    await page.goto('/account');
    await expect(page.getByText(`Signed in as ${signedInUser.email}`)).toBeVisible();
  });
});
