import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { editFile, NotApplicable, patchConfig, setEnv } from '../../fixtures/tools/breaks/edits.ts';
import { bootedConfig, changedLines, configChanges, copyBundledApp, phpLint } from './support/laravel-app-copy.ts';

// The three ways a break edits a sandbox: a .env line, the first match in a
// file, a config array changed after it is built. On a copy of the bundled
// Laravel 12 app's own files.

const test = base.extend<{ app: string }>({
  app: async ({}, use, testInfo) => use(await copyBundledApp(testInfo.outputPath('app'))),
});

const read = (app: string, file: string) => readFile(path.join(app, file), 'utf8');
const refusalOf = (edit: Promise<void>) =>
  edit.then(
    () => undefined,
    (error: Error) => error,
  );

test.describe('setEnv', () => {
  test("replaces the key's own line in place; the other lines keep their text and order", async ({ app }) => {
    const before = await read(app, '.env');
    await setEnv(app, { SESSION_DRIVER: 'array' });
    const after = await read(app, '.env');
    expect(changedLines(before, after)).toEqual({
      removed: ['SESSION_DRIVER=database'],
      added: ['SESSION_DRIVER=array'],
    });
    expect(after, 'every other line, blank ones too, kept as it was').toBe(
      before.replace(/^SESSION_DRIVER=database$/m, 'SESSION_DRIVER=array'),
    );
  });

  test('uncomments a commented-out key where it stands', async ({ app }) => {
    const before = await read(app, '.env');
    await setEnv(app, { DB_HOST: 'db.internal' });
    const after = await read(app, '.env');
    expect(changedLines(before, after)).toEqual({ removed: ['# DB_HOST=127.0.0.1'], added: ['DB_HOST=db.internal'] });
  });

  test('appends a key the file lacks, once, on a line of its own, however often it is set', async ({ app }) => {
    const envFile = path.join(app, '.env');
    await writeFile(envFile, 'APP_NAME=Laravel\nAPP_DEBUG=false');
    await setEnv(app, { SESSION_SAME_SITE: 'none' });
    await setEnv(app, { SESSION_SAME_SITE: 'none' });
    expect(await readFile(envFile, 'utf8')).toBe('APP_NAME=Laravel\nAPP_DEBUG=false\nSESSION_SAME_SITE=none\n');
  });

  test('a key that only starts like another leaves the other alone', async ({ app }) => {
    const before = await read(app, '.env');
    await setEnv(app, { APP_KEY_OLD: 'x' });
    expect(changedLines(before, await read(app, '.env'))).toEqual({ removed: [], added: ['APP_KEY_OLD=x'] });
  });

  test('a key another only starts like is found on its own line, after the longer one', async ({ app }) => {
    const envFile = path.join(app, '.env');
    await writeFile(envFile, 'APP_KEY_OLD=x\nAPP_KEY=y\n');
    await setEnv(app, { APP_KEY: 'z' });
    expect(await readFile(envFile, 'utf8')).toBe('APP_KEY_OLD=x\nAPP_KEY=z\n');
  });

  test('the active line wins over a commented-out one above it, and the blank line between stays', async ({ app }) => {
    const envFile = path.join(app, '.env');
    await writeFile(envFile, '# SESSION_DRIVER=file\n\nexport SESSION_DRIVER=database\n');
    await setEnv(app, { SESSION_DRIVER: 'array' });
    expect(await readFile(envFile, 'utf8')).toBe('# SESSION_DRIVER=file\n\nSESSION_DRIVER=array\n');
  });

  test('an app without a .env gets one holding just the values set', async ({}, testInfo) => {
    const bare = testInfo.outputPath('bare');
    await mkdir(bare, { recursive: true });
    await setEnv(bare, { APP_DEBUG: 'true', SESSION_DRIVER: 'array' });
    const written = await readFile(path.join(bare, '.env'), 'utf8');
    expect(written.split('\n').filter(Boolean), 'one line per value, in order').toEqual([
      'APP_DEBUG=true',
      'SESSION_DRIVER=array',
    ]);
  });
});

test.describe('editFile', () => {
  const controller = 'app/Http/Controllers/Auth/AuthenticatedSessionController.php';

  test('replaces only the first match: store() loses regenerate(), destroy() keeps regenerateToken()', async ({
    app,
  }) => {
    const before = await read(app, controller);
    await editFile(app, controller, /\$request->session\(\)->regenerate\w*\(\);/, '');
    const after = await read(app, controller);
    expect(changedLines(before, after)).toEqual({ removed: ['$request->session()->regenerate();'], added: [] });
    expect(after, 'the second match is untouched').toContain('$request->session()->regenerateToken();');
    await phpLint(path.join(app, controller));
  });

  test('code that is not there is NotApplicable, naming the file and the pattern; the file is left as it was', async ({
    app,
  }) => {
    const before = await read(app, controller);
    const refusal = await refusalOf(editFile(app, controller, /Auth::logoutOtherDevices\(/, ''));
    expect(refusal).toBeInstanceOf(NotApplicable);
    expect(refusal?.message).toBe(`${controller} has no /Auth::logoutOtherDevices\\(/`);
    expect(await read(app, controller), 'nothing written').toBe(before);
  });

  test('a file that is not there is NotApplicable and is not created', async ({ app }) => {
    const refusal = await refusalOf(editFile(app, 'app/Http/Middleware/VerifyCsrfToken.php', /\$except = \[/, '$&'));
    expect(refusal).toBeInstanceOf(NotApplicable);
    expect(refusal?.message).toBe('app/Http/Middleware/VerifyCsrfToken.php does not exist');
    expect(existsSync(path.join(app, 'app/Http/Middleware/VerifyCsrfToken.php')), 'not created').toBe(false);
  });
});

test.describe('patchConfig', () => {
  test('changes the built array: Laravel then reads exactly the patched key changed', async ({ app }) => {
    const before = await bootedConfig(app);
    await patchConfig(app, 'cors', "$config['supports_credentials'] = false;");
    await phpLint(path.join(app, 'config/cors.php'));
    expect(configChanges(before, await bootedConfig(app))).toEqual({ 'cors.supports_credentials': [true, false] });
  });

  test('the file keeps its array and comments, and returns it after the statements', async ({ app }) => {
    const before = await read(app, 'config/cors.php');
    await patchConfig(app, 'cors', "$config['max_age'] = 60;");
    const after = await read(app, 'config/cors.php');
    expect(changedLines(before, after)).toEqual({
      removed: ['return ['],
      added: ['$config = [', "$config['max_age'] = 60;", 'return $config;'],
    });
    expect(
      after.trimEnd().endsWith("];\n$config['max_age'] = 60;\nreturn $config;"),
      'the statements come after the array',
    ).toBe(true);
  });

  test('a config patched already is NotApplicable the second time, and stays patched once', async ({ app }) => {
    await patchConfig(app, 'cors', "$config['supports_credentials'] = false;");
    const once = await read(app, 'config/cors.php');
    const refusal = await refusalOf(patchConfig(app, 'cors', "$config['supports_credentials'] = false;"));
    expect(refusal).toBeInstanceOf(NotApplicable);
    expect(refusal?.message).toBe('config/cors.php has no /\\breturn\\s*\\[/');
    expect(await read(app, 'config/cors.php'), 'not patched twice').toBe(once);
  });

  test('a config the app does not publish is NotApplicable', async ({ app }) => {
    const refusal = await refusalOf(patchConfig(app, 'no-such-config', "$config['x'] = 1;"));
    expect(refusal).toBeInstanceOf(NotApplicable);
    expect(refusal?.message).toBe('config/no-such-config.php does not exist');
  });
});
