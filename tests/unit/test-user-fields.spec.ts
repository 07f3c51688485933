import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import type { SpaAdapter } from 'sanctum-spa-kit';
import { resolveSettings } from '../../fixtures/config/resolve-settings.ts';
import type { SanctumSettings } from '../../fixtures/core/settings/options.ts';
import { SettingsError } from '../../fixtures/core/settings/settings-error.ts';
import { signedInUser } from '../../fixtures/playwright/spa/signed-in-user.ts';

// The user a team's factory returns, given as the config's user: its fields reach the adapter as given.

const EXTERNAL = { external: { apiUrl: 'http://localhost:8000', spaUrl: 'http://localhost:5173' } };
const PASSWORD = 'factory-secret-9';

/** A user as a factory returns it: the credentials and the model's other fields. */
const factoryUser = {
  id: 7,
  name: 'Ada Lovelace',
  email: 'ada@example.test',
  email_verified_at: '2026-01-01T00:00:00.000000Z',
  roles: ['admin'],
  password: PASSWORD,
};

/** An adapter that reads the user's name, typed without a cast. */
const namedUserAdapter: SpaAdapter<{ name: string }> = {
  emailInput: (page) => page.getByLabel('Email'),
  passwordInput: (page) => page.getByLabel('Password'),
  submitButton: (page) => page.getByRole('button', { name: 'Log in' }),
  signedOut: (page) => page.getByRole('form', { name: 'Log in' }),
  signedIn: (page, user) => page.getByText(user.name),
  loginError: (page) => page.getByRole('alert'),
};
/** What sanctumFlows takes: the adapter above fits it as it is. */
const asTheFlowsTakeIt: SpaAdapter = namedUserAdapter;

const test = base.extend<{ settingsOf: (options: unknown) => SanctumSettings }>({
  settingsOf: async ({}, use) => {
    const configDir = await mkdtemp(path.join(os.tmpdir(), 'kit-user-'));
    await use((options) => resolveSettings(options, { configDir, env: {}, backendFromEnv: false }));
    await rm(configDir, { recursive: true, force: true });
  },
});

test("keeps the factory user's fields beside the credentials, and masks the password when written out", ({
  settingsOf,
}) => {
  const { user } = settingsOf({ backend: EXTERNAL, user: factoryUser });
  expect(user).toMatchObject(factoryUser);
  expect(JSON.stringify(user)).not.toContain(PASSWORD);
});

test('refuses a field a letter or two off email or password, naming the one it meant', ({ settingsOf }) => {
  const problems = () => settingsOf({ backend: EXTERNAL, user: { emial: 'ada@example.test', password: PASSWORD } });
  expect(problems).toThrow(SettingsError);
  expect(problems).toThrow(/user\.emial.*unknown option; did you mean email\?/);
});

test("lays GET /api/user's answer over the config's user, keeping its credentials and the mask", ({ settingsOf }) => {
  const { user } = settingsOf({ backend: EXTERNAL, user: { email: 'ada@example.test', password: PASSWORD } });
  const apiAnswer = { id: 7, name: 'Ada Lovelace', email: 'ada@example.test', password: '$2y$04$hash' };
  const merged = signedInUser(user, apiAnswer);
  expect(merged).toMatchObject({ id: 7, name: 'Ada Lovelace', email: 'ada@example.test', password: PASSWORD });
  expect(JSON.stringify(merged)).not.toContain(PASSWORD);
  expect(signedInUser(user, { data: apiAnswer })).toMatchObject({ name: 'Ada Lovelace', password: PASSWORD });
  expect(signedInUser(user, 'Unauthenticated.')).toEqual(user);
});

test("an adapter typed with the user's fields finds the page's signed-in user by name", async ({
  page,
  settingsOf,
}) => {
  const { user } = settingsOf({ backend: EXTERNAL, user: factoryUser });
  await page.setContent('<p>Signed in as Ada Lovelace</p>');
  await expect(asTheFlowsTakeIt.signedIn(page, user)).toBeVisible();
});
