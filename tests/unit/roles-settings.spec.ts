import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { resolveSettings } from '../../fixtures/config/resolve-settings.ts';
import { accountsOf, passwordsOf, roleAccount } from '../../fixtures/core/settings/accounts.ts';
import type { SanctumSettings } from '../../fixtures/core/settings/options.ts';
import { SettingsError } from '../../fixtures/core/settings/settings-error.ts';

// The config's roles (signedInAs): validated as the user is, masked when written out, each account created
// by a stack the kit starts, and a role the config lacks named with the ones it has.

const EXTERNAL = { external: { apiUrl: 'http://localhost:8000', spaUrl: 'http://localhost:5173' } };
const ADMIN = { email: 'admin@example.test', password: 'admin-secret-7', id: 1, is_admin: true };

const test = base.extend<{ settingsOf: (options: unknown) => SanctumSettings }>({
  settingsOf: async ({}, use) => {
    const configDir = await mkdtemp(path.join(os.tmpdir(), 'kit-roles-'));
    await use((options) => resolveSettings(options, { configDir, env: {}, backendFromEnv: false }));
    await rm(configDir, { recursive: true, force: true });
  },
});

test("keeps each role's user as the factory gave it, its password masked when written out", ({ settingsOf }) => {
  const settings = settingsOf({ backend: EXTERNAL, roles: { admin: ADMIN } });
  expect(settings.roles.admin).toMatchObject(ADMIN);
  expect(JSON.stringify(settings)).not.toContain(ADMIN.password);
  expect(passwordsOf(settings)).toEqual(['password', ADMIN.password]);
});

test('every account a stack the kit starts must create, once each', ({ settingsOf }) => {
  const settings = settingsOf({
    backend: EXTERNAL,
    user: { email: 'test@example.com', password: 'password' },
    roles: { admin: ADMIN, member: { email: 'test@example.com', password: 'password' } },
  });
  expect(accountsOf(settings).map((account) => account.email)).toEqual(['test@example.com', ADMIN.email]);
});

test('refuses a role without credentials, a typo in them, and a name no file can hold', ({ settingsOf }) => {
  const problems = (roles: unknown) => () => settingsOf({ backend: EXTERNAL, roles });
  expect(problems({ admin: { email: ADMIN.email } })).toThrow(/roles\.admin\.password/);
  expect(problems({ admin: { emial: ADMIN.email, password: 'x' } })).toThrow(
    /roles\.admin\.emial.*did you mean email\?/,
  );
  expect(problems({ 'the boss': ADMIN })).toThrow(SettingsError);
  expect(problems({ 'the boss': ADMIN })).toThrow(/roles\.the boss .*roles by name \(letters, digits, - and _\)/);
});

test('"user" is the config\'s user; an unknown role is named with the roles there are, and the fix', ({
  settingsOf,
}) => {
  const settings = settingsOf({ backend: EXTERNAL, roles: { admin: ADMIN } });
  expect(roleAccount(settings, 'user').email).toBe('test@example.com');
  expect(roleAccount(settings, 'admin')).toBe(settings.roles.admin);
  const unknownRole = () => roleAccount(settings, 'amdin');
  expect(unknownRole).toThrow(/signedInAs: "amdin" is not a role of this config \(roles: user, admin\)/);
  expect(unknownRole).toThrow(
    /fix: add it to defineSanctumConfig's options, roles: \{ amdin: \{ email, password \} \}/,
  );
});
