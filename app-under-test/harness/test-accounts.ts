import type { TestUser } from 'sanctum-spa-kit/config';
import type { HarnessSettings } from './settings-schema.ts';

/** The bundled suite's test user (KIT_TEST_USER_EMAIL / KIT_TEST_USER_PASSWORD): the role "user". */
export function harnessUser(settings: HarnessSettings): TestUser {
  return { email: settings.KIT_TEST_USER_EMAIL, password: settings.KIT_TEST_USER_PASSWORD };
}

/** The bundled suite's other role, for the signed-in specs: a second account the stacks it starts create. */
export function harnessRoles(settings: HarnessSettings): Record<string, TestUser> {
  return { reviewer: { email: 'reviewer@example.com', password: settings.KIT_TEST_USER_PASSWORD, name: 'Reviewer' } };
}

/** Every account a stack the harness starts must hold. */
export function harnessAccounts(settings: HarnessSettings): TestUser[] {
  return [harnessUser(settings), ...Object.values(harnessRoles(settings))];
}
