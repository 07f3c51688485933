import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { DEFAULT_LINE } from '../../app-under-test/harness/lines.ts';
import { appDirOf } from '../../app-under-test/harness/paths.ts';
import { createSandbox, removeSandbox } from '../../fixtures/tools/breaks/sandbox.ts';
import { isolateApp } from '../../fixtures/runtime/backend/laravel/app-isolation.ts';
import { readAppFacts } from '../../fixtures/runtime/backend/read-app-facts.ts';
import { ensureScratchDir, ownedName } from '../../fixtures/runtime/process/scratch-dir.ts';

// app-facts.php on the bundled app and on a copy with the settings a
// diagnosis blames: what the booted app says must follow each edit.

const appDir = appDirOf(DEFAULT_LINE.laravel);

/** The facts of the app in `dir`, booted in the kit's isolation on an empty SQLite file (no tables). */
async function factsOf(dir: string, extraEnv: Record<string, string> = {}) {
  const database = path.join(await ensureScratchDir('workers'), ownedName(`unit-${test.info().testId}.sqlite`));
  await writeFile(database, '');
  const isolated = await isolateApp(dir, database, `unit-${test.info().testId}`);
  try {
    return await readAppFacts('php', isolated.phpArgs, dir, { ...process.env, ...isolated.env, ...extraEnv });
  } finally {
    await isolated.remove();
    await rm(database, { force: true });
  }
}

async function edit(file: string, from: string, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} no longer holds ${JSON.stringify(from)}: update this test`);
  await writeFile(file, text.replace(from, to));
}

const OWN_ENCRYPT_COOKIES = `<?php

namespace App\\Http\\Middleware;

class EncryptCookies extends \\Illuminate\\Cookie\\Middleware\\EncryptCookies
{
    protected $except = ['laravel-session'];
}
`;

test('the bundled app: nothing exempt from encryption or CSRF, /api/user behind auth:sanctum', async () => {
  const facts = await factsOf(appDir, { SESSION_DRIVER: 'database' });
  expect(facts.encryptCookiesExcept).toEqual([]);
  expect(facts.csrfExcept).toEqual([]);
  expect(facts.routes).toContainEqual({
    uri: 'api/user',
    methods: ['GET', 'HEAD'],
    middleware: ['api', 'auth:sanctum'],
    name: null,
  });
  expect(facts.routes).toContainEqual(expect.objectContaining({ uri: 'login', middleware: ['web', 'guest'] }));
  expect(facts.middleware?.groups.web).toContain('Illuminate\\Foundation\\Http\\Middleware\\ValidateCsrfToken');
  expect(facts.middleware?.global).toContain('Illuminate\\Http\\Middleware\\HandleCors');
  expect(facts.config?.sanctum).toEqual({ stateful: ['localhost:5173'], guard: ['web'], expiration: 43200 });
  expect(facts.config?.session).toMatchObject({ driver: 'database', table: 'sessions', cookie: 'laravel-session' });
  expect(facts.config?.auth?.guards.web).toEqual({ driver: 'session', provider: 'users' });
});

test('a copy with unencrypted cookies, a CSRF exemption, another guard and no sessions table says so', async () => {
  const sandbox = await createSandbox(appDir, 'unit-app-facts-settings');
  try {
    await edit(
      path.join(sandbox, 'bootstrap', 'app.php'),
      '$middleware->alias([',
      "$middleware->encryptCookies(except: ['XSRF-TOKEN']);\n" +
        "        $middleware->validateCsrfTokens(except: ['login']);\n" +
        '        $middleware->web(replace: [\\Illuminate\\Cookie\\Middleware\\EncryptCookies::class => ' +
        '\\App\\Http\\Middleware\\EncryptCookies::class]);\n' +
        '        $middleware->alias([',
    );
    await mkdir(path.join(sandbox, 'app', 'Http', 'Middleware'), { recursive: true });
    await writeFile(path.join(sandbox, 'app', 'Http', 'Middleware', 'EncryptCookies.php'), OWN_ENCRYPT_COOKIES);
    await edit(path.join(sandbox, 'routes', 'api.php'), "['auth:sanctum']", "['auth:api']");

    const facts = await factsOf(sandbox, { SESSION_DRIVER: 'database' });
    // bootstrap/app.php's list, then the app's own subclass's $except.
    expect(facts.encryptCookiesExcept).toEqual(['XSRF-TOKEN', 'laravel-session']);
    expect(facts.middleware?.groups.web?.[0]).toBe('App\\Http\\Middleware\\EncryptCookies');
    expect(facts.csrfExcept).toEqual(['login']);
    expect(facts.routes).toContainEqual(expect.objectContaining({ uri: 'api/user', middleware: ['api', 'auth:api'] }));
    expect(facts.config?.auth?.guards).not.toHaveProperty('api');
    expect(facts.sessionTable).toEqual({ table: 'sessions', exists: false });
  } finally {
    await removeSandbox(sandbox);
  }
});

test('a session database that cannot be opened leaves out the table fact, and only it', async () => {
  const missing = path.join(await ensureScratchDir('workers'), ownedName('unit-never-created.sqlite'));
  const facts = await factsOf(appDir, { SESSION_DRIVER: 'database', DB_DATABASE: missing });
  expect(facts.sessionTable).toBeUndefined();
  expect(facts.config?.session?.driver).toBe('database');
  expect(facts.routes?.length).toBeGreaterThan(0);
  expect(facts.writes?.session.database?.database).toBe(missing);
});
