import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { test as base, expect } from '@playwright/test';
import { defineSanctumConfig } from '../../fixtures/config/define-sanctum-config.ts';
import { resolveSettings } from '../../fixtures/config/resolve-settings.ts';
import type { BackendDriver } from '../../fixtures/core/driver/backend-driver.ts';
import type { SanctumSettings, SpaOption } from '../../fixtures/core/settings/options.ts';
import { SettingsError } from '../../fixtures/core/settings/settings-error.ts';

// The config factory's input, a real .env and the environment, resolved into one settings object.
// The environment is passed in (never the runner's own), and each test gets its own config folder.

const API = 'http://localhost:8000';
const SPA = 'http://localhost:5173';
const EXTERNAL = { external: { apiUrl: API, spaUrl: SPA } };
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
const ORIGIN_RULE = 'an origin such as http://localhost:8000 (scheme://host:port, no path)';

/** The runner's environment without the KIT_* variables a developer may have set for the kit's own suite. */
const withoutKitVariables = (env: NodeJS.ProcessEnv) =>
  Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('KIT_')));

/** A playwright.config.ts of its own, run by Node from its folder, as Playwright loads it: its exit code and stderr. */
async function runConfig(source: string): Promise<{ code: number; stderr: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kit-config-'));
  try {
    await writeFile(path.join(dir, 'playwright.config.ts'), source);
    const env = withoutKitVariables(process.env);
    return await promisify(execFile)(TSX, ['playwright.config.ts'], { cwd: dir, env }).then(
      ({ stderr }) => ({ code: 0, stderr }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface ConfigFolder {
  dir: string;
  /** Writes the folder's .env. */
  dotenv(lines: Record<string, string>): Promise<void>;
  settings(options: unknown, env?: NodeJS.ProcessEnv, backendFromEnv?: boolean): SanctumSettings;
  /** The problem lines of options the kit must refuse. */
  problems(options: unknown, env?: NodeJS.ProcessEnv, backendFromEnv?: boolean): string[];
}

const test = base.extend<{ config: ConfigFolder }>({
  config: async ({}, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kit-settings-'));
    const settings = (options: unknown, env: NodeJS.ProcessEnv = {}, backendFromEnv = true) =>
      resolveSettings(options, { configDir: dir, writtenIn: 'playwright.config.ts', env, backendFromEnv });
    await use({
      dir,
      dotenv: (lines) =>
        writeFile(
          path.join(dir, '.env'),
          Object.entries(lines)
            .map(([k, v]) => `${k}=${v}\n`)
            .join(''),
        ),
      settings,
      problems: (options, env, backendFromEnv) => {
        try {
          settings(options, env, backendFromEnv);
        } catch (error) {
          if (error instanceof SettingsError) return error.problems;
          throw error;
        }
        throw new Error('the kit accepted these settings');
      },
    });
    await rm(dir, { recursive: true, force: true });
  },
});

test('refuses an unknown option and names the option it most likely meant', async ({ config }) => {
  expect(config.problems({ backend: EXTERNAL, alowWrites: true })).toEqual([
    'alowWrites (from playwright.config.ts): unknown option; did you mean allowWrites?',
  ]);
  expect(config.problems({ backend: EXTERNAL, user: { emial: 'a@b.test' } })).toEqual([
    'user.emial (from playwright.config.ts): unknown option; did you mean email?',
  ]);
  // Five edits apart in case, none apart without it: the suggestion ignores case.
  expect(config.problems({ backend: EXTERNAL, READYTimeoutMs: 1 })).toEqual([
    'READYTimeoutMs (from playwright.config.ts): unknown option; did you mean readyTimeoutMs?',
  ]);
  // Nothing close: the keys that object may hold.
  expect(config.problems({ backend: { external: { ...EXTERNAL.external, timeout: 5 } } })).toEqual([
    'backend.external.timeout (from playwright.config.ts): unknown option; ' +
      'expected one of apiUrl, spaUrl, sessionCookie',
  ]);
});

test('a typo at any depth is one line naming its key path, never a variable or a missing shape', async ({ config }) => {
  const typo = config.problems({ backend: { external: { apiURL: API, spaUrl: SPA } } });
  expect(typo).toEqual(['backend.external.apiURL (from playwright.config.ts): unknown option; did you mean apiUrl?']);
  expect(config.problems({ backend: { externl: EXTERNAL.external } })).toEqual([
    'backend.externl (from playwright.config.ts): unknown option; did you mean external?',
  ]);
  const spa = { comand: 'npx vite --port {port}' };
  expect(config.problems({ backend: { laravel: { appDir: '../api', spa } } })).toEqual([
    'backend.laravel.spa.comand (from playwright.config.ts): unknown option; did you mean command?',
  ]);
  expect(config.problems({ backend: EXTERNAL, expect: { messages: { failedLogn: 'No.' } } })).toEqual([
    'expect.messages.failedLogn (from playwright.config.ts): unknown option; did you mean failedLogin?',
  ]);
  const badValue = config.problems({ backend: { external: { apiUrl: 'localhost:8000', spaUrl: SPA } } });
  expect(badValue).toEqual([
    `backend.external.apiUrl (from playwright.config.ts): expected ${ORIGIN_RULE}, got "localhost:8000"`,
  ]);
});

test("names a Playwright option given to the kit, and a kit option given to Playwright's config", async () => {
  const factory = fileURLToPath(new URL('../../fixtures/config/define-sanctum-config.ts', import.meta.url));
  const { stderr, code } = await runConfig(
    `import { defineSanctumConfig } from ${JSON.stringify(factory)};\n` +
      `defineSanctumConfig({ backend: ${JSON.stringify(EXTERNAL)}, testDir: './e2e' } as never, ` +
      `{ allowWrites: true, worker: 2 } as never);\n`,
  );
  expect(code).toBe(1);
  expect(stderr.split('\n').slice(1)).toEqual([
    "  testDir (from playwright.config.ts): unknown option; it is Playwright's own: pass it in " +
      "defineSanctumConfig's second argument (the Playwright config)",
    '  allowWrites (from playwright.config.ts, the Playwright config): a kit option: ' +
      "pass it in defineSanctumConfig's first argument",
    '  worker (from playwright.config.ts, the Playwright config): unknown Playwright option; did you mean workers?',
    '',
  ]);
});

test('{port} may be in the command or in its env; a {word} that is no placeholder is named', async ({ config }) => {
  const laravel = (spa: object) => ({ backend: { laravel: { appDir: '../api', spa } } });
  const next = { command: 'npx next dev', env: { PORT: '{port}', NEXT_DIST_DIR: '.next-kit/{worker}' } };
  expect(config.settings(laravel(next)).backend).toMatchObject({ laravel: { spa: next } });
  const scratch = { command: 'npx vite --port {port} $HOME ${HOME}', env: { VITE_CACHE_DIR: '{scratch}' } };
  expect(() => config.settings(laravel(scratch))).not.toThrow();
  expect(config.problems(laravel({ command: 'npx next dev', env: { API: '{api}' } }))).toEqual([
    'backend.laravel.spa.command (from playwright.config.ts): expected a command with {port} in it, or in its env: ' +
      `"npx vite --port {port} --strictPort", or env: { PORT: '{port}' }, got "npx next dev"`,
  ]);
  expect(config.problems(laravel({ command: 'npx vite --port {port}', env: { DIR: '{scrach}' } }))).toEqual([
    'backend.laravel.spa.env.DIR (from playwright.config.ts): expected only the placeholders {port}, {api}, ' +
      '{origin}, {scratch}, {worker} ({scrach}: did you mean {scratch}?), got "{scrach}"',
  ]);
});

test('names a variable that holds a bad value, and whether .env or the environment set it', async ({ config }) => {
  await config.dotenv({ KIT_API_URL: 'localhost:8000' });
  expect(config.problems({ backend: EXTERNAL })).toEqual([
    `KIT_API_URL (from .env): expected ${ORIGIN_RULE}, got "localhost:8000"`,
  ]);
  expect(config.problems({ backend: EXTERNAL }, { KIT_API_URL: 'localhost:9000' })).toEqual([
    `KIT_API_URL (from the environment): expected ${ORIGIN_RULE}, got "localhost:9000"`,
  ]);
  // A password is named, never shown.
  const user = { email: 'a@b.test', password: 42 };
  expect(config.problems({ backend: EXTERNAL, user }, { KIT_API_URL: API })).toEqual([
    'user.password (from playwright.config.ts): expected a non-empty password',
  ]);
});

test("the breaks' run slot names each runner's {worker} folders; a slot that is no folder name is refused", async ({
  config,
}) => {
  expect(config.settings({ backend: EXTERNAL }, { SANCTUM_KIT_RUN_SLOT: 'break-2' }).runSlot).toBe('break-2');
  expect(config.settings({ backend: EXTERNAL }).runSlot).toBeUndefined();
  expect(config.problems({ backend: EXTERNAL }, { SANCTUM_KIT_RUN_SLOT: '../x' })).toEqual([
    'SANCTUM_KIT_RUN_SLOT (from the environment): expected letters, digits, - or _, got "../x"',
  ]);
});

test("drives the Chromium that .env's KIT_CHROMIUM_PATH names", async ({ config }) => {
  const chromium = path.join(config.dir, 'chromium');
  await writeFile(chromium, '#!/bin/sh\n');
  await chmod(chromium, 0o755);
  await config.dotenv({ KIT_CHROMIUM_PATH: chromium });
  const playwrightConfig = defineSanctumConfig({ backend: EXTERNAL }, {}, { configDir: config.dir, env: {} });
  expect(playwrightConfig.use?.launchOptions?.executablePath).toBe(chromium);

  await config.dotenv({ KIT_CHROMIUM_PATH: path.join(config.dir, 'no-such-chromium') });
  expect(config.problems({ backend: EXTERNAL })).toEqual([
    'KIT_CHROMIUM_PATH (from .env): expected the path of a Chromium executable that exists ' +
      `(apt-get install chromium: /usr/bin/chromium), got "${path.join(config.dir, 'no-such-chromium')}"`,
  ]);
});

test('takes the environment over .env, .env over the config, the config over the default', async ({ config }) => {
  expect(config.settings({ backend: EXTERNAL }).host).toBe('localhost');
  expect(config.settings({ backend: EXTERNAL, host: 'config.test' }).host).toBe('config.test');
  await config.dotenv({ KIT_HOST: 'dotenv.test', KIT_READY_TIMEOUT_MS: '45000', KIT_ALLOW_WRITES: '1' });
  const fromDotenv = config.settings({ backend: EXTERNAL, host: 'config.test', readyTimeoutMs: 5000 });
  expect(fromDotenv).toMatchObject({ host: 'dotenv.test', readyTimeoutMs: 45_000, allowWrites: true });
  expect(config.settings({ backend: EXTERNAL, host: 'config.test' }, { KIT_HOST: 'env.test' }).host).toBe('env.test');
  // An empty variable counts as unset: the config's value stands.
  expect(config.settings({ backend: EXTERNAL, allowWrites: false }, { KIT_ALLOW_WRITES: '' }).allowWrites).toBe(false);
});

test('KIT_BACKEND chooses the backend, unless the caller chose it; other variables keep its kind', async ({
  config,
}) => {
  const laravel = { laravel: { appDir: '../api', spa: { url: SPA } } };
  const env = { KIT_BACKEND: 'external', KIT_API_URL: 'http://localhost:8010/', KIT_SPA_URL: 'http://localhost:5180' };
  expect(config.settings({ backend: laravel }, env).backend).toEqual({
    external: { apiUrl: 'http://localhost:8010', spaUrl: 'http://localhost:5180' },
  });
  expect(config.problems({ backend: laravel }, { KIT_BACKEND: 'external' })).toEqual([
    `KIT_API_URL: missing (KIT_BACKEND=external from the environment needs it); expected ${ORIGIN_RULE}`,
    `KIT_SPA_URL: missing (KIT_BACKEND=external from the environment needs it); expected ${ORIGIN_RULE}`,
  ]);
  // The kit's own harness: its KIT_BACKEND=docker is not the library's; KIT_LARAVEL_APP_DIR still moves the app.
  const harness = config.settings(
    { backend: laravel },
    { KIT_BACKEND: 'docker', KIT_LARAVEL_APP_DIR: 'sandbox' },
    false,
  );
  expect(harness.backend).toEqual({
    laravel: { appDir: path.join(config.dir, 'sandbox'), spa: { url: SPA }, php: 'php' },
  });
  expect(config.settings({ backend: laravel }, { KIT_API_URL: 'http://localhost:8010' }).backend).toHaveProperty(
    'laravel',
  );
});

test('passes a driver object and a serve function through as the very objects given', async ({ config }) => {
  class InProcessDriver implements BackendDriver {
    readonly name = 'in-process';
    async start(): Promise<never> {
      throw new Error('never started by this test');
    }
  }
  const driver = new InProcessDriver();
  const serve: Extract<SpaOption, { serve: unknown }>['serve'] = async () => ({ stop: async () => {} });
  const { backend } = config.settings({ backend: { driver, spa: { serve }, env: { APP_DEBUG: 'false' } } });
  expect('driver' in backend && backend.driver).toBe(driver);
  expect('driver' in backend && 'serve' in backend.spa && backend.spa.serve).toBe(serve);
  expect(config.problems({ backend: { driver: { name: 'no start' }, spa: { serve } } })).toEqual([
    'backend.driver (from playwright.config.ts): expected an object with start(options)',
  ]);
});

test('accepts the configs the kit, its harness and its consumers write', async ({ config }) => {
  const laravelApp = {
    appDir: '../api',
    env: {},
    spa: { command: 'npx vite --port {port} --strictPort', env: { VITE_API_URL: '{api}' }, cwd: '../spa' },
  };
  const serve = async () => ({ stop: async () => {} });
  const user = { email: 'test@example.com', password: 'password' };
  expect(() => config.settings({ backend: EXTERNAL })).not.toThrow();
  expect(() => config.settings({ backend: { laravel: laravelApp } })).not.toThrow();
  expect(() =>
    config.settings({ backend: { laravel: { appDir: 'a', php: 'php', spa: { serve } } }, user, host: 'localhost' }),
  ).not.toThrow();
  expect(() =>
    config.settings({ backend: { external: { apiUrl: '', spaUrl: '' } } }, { KIT_API_URL: API, KIT_SPA_URL: SPA }),
  ).not.toThrow();
  const https = { https: { domain: 'example.test', spaHost: 'app.other.test', plainHttp: true } };
  const replicas = { replicas: { count: 2, sessions: 'files-per-replica', replicaEnv: [{}, { APP_KEY: 'base64:x' }] } };
  expect(() => config.settings({ backend: { laravel: laravelApp }, topology: https })).not.toThrow();
  expect(() => config.settings({ backend: { laravel: laravelApp }, topology: replicas })).not.toThrow();
  const expectations = { sameSite: 'Strict', sessionLifetimeMinutes: 240, messages: { failedLogin: 'Nope.' } };
  expect(() =>
    config.settings({ backend: EXTERNAL, expect: expectations, allowWrites: true, readyTimeoutMs: 60_000 }),
  ).not.toThrow();
});

test('stops the run with the problems on one screen, without a stack trace', async ({ config }) => {
  const factory = fileURLToPath(new URL('../../fixtures/config/define-sanctum-config.ts', import.meta.url));
  // The config loaded by a Node process of its own, as Playwright loads it: what it prints is all a user sees.
  const script = path.join(config.dir, 'playwright.config.ts');
  await writeFile(
    script,
    `import { defineSanctumConfig } from ${JSON.stringify(factory)};\n` +
      `defineSanctumConfig({ backend: ${JSON.stringify(EXTERNAL)}, alowWrites: true } as never);\n`,
  );
  await config.dotenv({ KIT_READY_TIMEOUT_MS: 'soon' });
  const env = { ...withoutKitVariables(process.env), KIT_HOST: 'bad host' };
  const run = promisify(execFile)(TSX, [script], { cwd: config.dir, env });
  const failure = await run.then(
    () => undefined,
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
  expect(failure?.code).toBe(1);
  expect(failure?.stderr).toBe(
    [
      'sanctum-spa-kit: bad settings (playwright config, .env or environment)',
      '  KIT_READY_TIMEOUT_MS (from .env): expected a positive whole number of milliseconds, got "soon"',
      '  KIT_HOST (from the environment): expected a host name such as localhost, got "bad host"',
      '  alowWrites (from playwright.config.ts): unknown option; did you mean allowWrites?',
      '',
    ].join('\n'),
  );
});
