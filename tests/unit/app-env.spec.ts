import { test, expect } from '@playwright/test';
import { appEnvFor } from '../../fixtures/runtime/backend/app-env.ts';

// The environment the kit gives an app it starts: APP_DEBUG=false unless told, whatever the app's .env says.

const API = 'http://localhost:8001';
const start = (envOverrides: Record<string, string> = {}) => ({
  spaOrigin: 'http://localhost:5174',
  envOverrides,
  workerIndex: 0,
});

// The runner's own APP_DEBUG, if a developer exported one, is "told" too: set aside for these tests.
const exported = process.env.APP_DEBUG;

test.beforeEach(() => {
  delete process.env.APP_DEBUG;
});

test.afterAll(() => {
  if (exported !== undefined) process.env.APP_DEBUG = exported;
});

test("runs the app with APP_DEBUG=false when nobody set it: a team's .env is its development one", () => {
  expect(appEnvFor(API, start())).toEqual({
    APP_DEBUG: 'false',
    APP_URL: API,
    FRONTEND_URL: 'http://localhost:5174',
    SANCTUM_STATEFUL_DOMAINS: 'localhost:5174',
  });
});

test("leaves APP_DEBUG to the config's env for the app, which the backend lays under this environment", () => {
  expect(appEnvFor(API, start(), { APP_DEBUG: 'true' })).not.toHaveProperty('APP_DEBUG');
});

test('leaves APP_DEBUG to the environment the run was started in', () => {
  process.env.APP_DEBUG = 'true';
  expect(appEnvFor(API, start())).not.toHaveProperty('APP_DEBUG');
});

test("a twin's override wins, as every override does", () => {
  expect(appEnvFor(API, start({ APP_DEBUG: 'true' }))).toMatchObject({ APP_DEBUG: 'true' });
});
