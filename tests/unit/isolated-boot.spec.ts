import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { DEFAULT_LINE } from '../../app-under-test/harness/lines.ts';
import { appDirOf } from '../../app-under-test/harness/paths.ts';
import { createSandbox, removeSandbox } from '../../fixtures/tools/breaks/sandbox.ts';
import { isolateApp } from '../../fixtures/runtime/backend/laravel/app-isolation.ts';
import { proveIsolatedRun } from '../../fixtures/runtime/backend/laravel/isolated-boot.ts';
import { BackendStartError } from '../../fixtures/core/driver/backend-driver.ts';
import { ensureScratchDir, ownedName, scratchDir } from '../../fixtures/runtime/process/scratch-dir.ts';

// The bundled app, booted for real: where it says it would write, with the kit's environment.
const appDir = appDirOf(DEFAULT_LINE.laravel);

async function proveOn(dir: string, extraEnv: Record<string, string> = {}, unset: string[] = []) {
  const database = path.join(await ensureScratchDir('workers'), ownedName(`unit-${test.info().testId}.sqlite`));
  await writeFile(database, '');
  const isolated = await isolateApp(dir, database, `unit-${test.info().testId}`);
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, ...extraEnv, ...isolated.env };
    for (const name of unset) delete env[name];
    const run = { php: 'php', phpArgs: isolated.phpArgs, appDir: dir, env };
    return { database, proven: await proveIsolatedRun(run, isolated) };
  } finally {
    await isolated.remove();
    await rm(database, { force: true });
  }
}

test("the booted app writes only to the kit's copy and scratch folder", async () => {
  const { database, proven } = await proveOn(appDir);
  const writes = proven.facts.writes!;
  expect(writes.database).toMatchObject({ driver: 'sqlite', database });
  expect(writes.session.database?.database).toBe(database);
  expect(writes.mail.transport).toBe('array');
  for (const file of Object.values(writes.paths)) expect(file.startsWith(scratchDir())).toBe(true);
});

test(
  'a session and cache on a Redis the kit did not start are moved into ' + 'its scratch storage, and said so',
  async () => {
    const { proven } = await proveOn(appDir, { SESSION_DRIVER: 'redis', CACHE_STORE: 'redis', REDIS_PORT: '1' });
    expect(proven.env.SESSION_DRIVER).toBe('file');
    expect(proven.facts.writes!.session.driver).toBe('file');
    expect(proven.facts.writes!.cache.driver).toBe('file');
    expect(proven.notices.join('\n')).toContain('session driver is redis (Redis "default" at 127.0.0.1:1)');
  },
);

test('a config file that ignores the environment stops the run before any write, naming the file', async () => {
  const sandbox = await createSandbox(appDir, 'unit-hard-coded-mysql');
  try {
    const config = path.join(sandbox, 'config', 'database.php');
    await writeFile(
      config,
      (await readFile(config, 'utf8')).replace(/'default' => env\('DB_CONNECTION', '\w+'\)/, "'default' => 'mysql'"),
    );
    const refusal = await proveOn(sandbox).then(
      () => undefined,
      (error: Error) => error,
    );
    expect(refusal).toBeInstanceOf(BackendStartError);
    expect(refusal?.message).toContain('stopped before any write');
    expect(refusal?.message).toContain('config/database.php does not take DB_CONNECTION');
  } finally {
    await removeSandbox(sandbox);
  }
});

test('a cached config the app still reads is the one cause named, with its fix', async () => {
  const sandbox = await createSandbox(appDir, 'unit-cached-config');
  try {
    await promisify(execFile)('php', ['artisan', 'config:cache'], { cwd: sandbox });
    // As a Laravel that ignored APP_CONFIG_CACHE would boot.
    const refusal = await proveOn(sandbox, {}, ['APP_CONFIG_CACHE']).then(
      () => undefined,
      (error: Error) => error,
    );
    expect(refusal?.message).toContain('bootstrap/cache/config.php: the app reads its cached config');
    expect(refusal?.message).toContain('fix: php artisan config:clear');
    expect(refusal?.message).not.toContain('was not read');
    expect(refusal?.message).not.toContain('config/database.php');
  } finally {
    await removeSandbox(sandbox);
  }
});
