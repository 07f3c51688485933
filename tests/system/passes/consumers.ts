import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { finish, startProcess } from 'sanctum-spa-kit/driver';
import { startExternalStack, type ExternalStack } from '../../../app-under-test/harness/external-stack.ts';
import { DEFAULT_LINE } from '../../../app-under-test/harness/lines.ts';
import { appDirOf, projectDir } from '../../../app-under-test/harness/paths.ts';
import { loadHarnessSettings } from '../../../app-under-test/harness/settings.ts';
import { freshConsumer } from '../consumer/fresh-consumer.ts';
import { leftoversOf } from '../consumer/leftovers.ts';
import { unopenableLocations } from '../consumer/openable-locations.ts';
import { packKit } from '../consumer/pack-kit.ts';
import { copyAsTeamApp } from '../consumer/team-app-copy.ts';
import { addUsersColumn, usersDifference, usersRows } from '../consumer/users-table.ts';
import { exampleDir, installExample, laravelAppConsumer } from '../support/example-consumer.ts';
import { runPlaywright, type PassResult } from '../support/playwright-pass.ts';

/**
 * The packed tarball (npm pack) in new directories made with `npm init -y`,
 * ESM and CommonJS, against stacks the kit did not start; then
 * backend.laravel.appDir on a copy of the bundled app with 2 workers, checked
 * to leave nothing behind, and the breaks command on that app.
 */
export async function consumersPass(): Promise<PassResult[]> {
  const tarball = await packKit();
  const files = {
    'playwright.config.ts': 'playwright.config.ts',
    'e2e/spa-adapter.ts': 'spa-adapter.ts',
    'e2e/sanctum.spec.ts': 'sanctum.spec.ts',
  };
  const esm = await freshConsumer({ type: 'module', tarball, files });
  const cjs = await freshConsumer({ type: 'commonjs', tarball, files });
  const results: PassResult[] = [];
  try {
    results.push(
      await againstStack(
        'fresh ESM consumer, external stack; its users table unchanged',
        esm,
        {},
        async (stack, run) => {
          const before = await usersRows(stack.database);
          const result = await run();
          const { changes, rememberTokenRotated } = usersDifference(before, await usersRows(stack.database));
          const rotated = rememberTokenRotated
            ? ` (remember_token rotated by Laravel's logout for ${rememberTokenRotated} user(s))`
            : '';
          console.log(`users table: ${changes.length === 0 ? 'unchanged' : changes.join('; ')}${rotated}`);
          return { ...result, failed: result.failed + changes.length + (await locationsProblems(result)) };
        },
      ),
    );
    const longSessions = 'fresh CommonJS consumer, external stack with SESSION_LIFETIME=240 and an extra users column';
    results.push(
      await againstStack(longSessions, cjs, { SESSION_LIFETIME: '240' }, async (stack, run) => {
        await addUsersColumn(stack.database, 'nickname');
        return run();
      }),
    );
    // A break the kit must name: the session cookie's HttpOnly, found by name, not mistaken for "no session cookie".
    const httpOnly = 'external stack with SESSION_HTTP_ONLY=false fails naming HttpOnly';
    results.push(
      await againstStack(httpOnly, esm, { SESSION_HTTP_ONLY: 'false' }, async (_stack, run) => {
        const result = await run(['--grep', 'guest gets a 401']);
        const report = await readFile(result.jsonFile, 'utf8');
        const named =
          result.failed > 0 && report.includes('expected HttpOnly') && !report.includes('is it a Laravel Sanctum API');
        console.log(
          `SESSION_HTTP_ONLY=false: ${named ? 'red, naming HttpOnly, as it must' : 'NOT caught as it must be'}`,
        );
        const unopenable = await locationsProblems(result);
        return {
          name: result.name,
          passed: named ? 1 : 0,
          failed: (named ? 0 : 1) + unopenable,
          jsonFile: result.jsonFile,
        };
      }),
    );
  } finally {
    await Promise.all([esm, cjs].map((dir) => rm(dir, { recursive: true, force: true })));
  }

  // The example's SPA is what each worker's Vite serves in the appDir run: its dependencies first.
  await installExample();
  results.push(await laravelAppDirRun(tarball));
  return results;
}

/**
 * The tests' locations and a failure's stack frames, which must be files a user can open (the kit's
 * shipped sources through its source maps), never the bundle: prints them, returns their number.
 */
async function locationsProblems(result: PassResult): Promise<number> {
  const problems = await unopenableLocations(result.jsonFile);
  console.log(
    problems.length === 0
      ? 'test locations and failure frames: files a user can open'
      : `test locations or failure frames a user cannot open:\n  ${problems.slice(0, 10).join('\n  ')}`,
  );
  return problems.length;
}

/** Runs a consumer directory's suite against a fresh `npm run dev` stack with the app's `env`, stopped after. */
async function againstStack(
  name: string,
  dir: string,
  env: Record<string, string>,
  body: (stack: ExternalStack, run: (args?: string[]) => Promise<PassResult>) => Promise<PassResult>,
): Promise<PassResult> {
  const stack = await startExternalStack(loadHarnessSettings(projectDir).KIT_HOST, env);
  try {
    const stackEnv = { KIT_API_URL: stack.apiUrl, KIT_SPA_URL: stack.spaUrl };
    return await body(stack, (args = []) => runPlaywright({ name, env: stackEnv, args, cwd: dir }));
  } finally {
    await stack.stop();
  }
}

/** backend.laravel.appDir on a copy of the bundled app: 2 workers, each its own database, nothing left behind. */
async function laravelAppDirRun(tarball: string): Promise<PassResult> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'sanctum-kit-appdir-'));
  const appCopy = path.join(scratch, 'api');
  await copyAsTeamApp(appDirOf(DEFAULT_LINE.laravel), appCopy);
  await withInstallersDebug(appCopy);
  const dir = await laravelAppConsumer(tarball);
  const name = 'laravel appDir (a copy of the bundled app), 2 workers';
  const result = await runPlaywright({ name, env: { APP_DIR: appCopy, SPA_DIR: exampleDir }, args: [], cwd: dir });
  result.failed += await breaksOnConsumerApp(dir, appCopy);
  const left = await leftoversOf(appCopy);
  if (left.length > 0) {
    console.error(`laravel appDir run left things behind:\n  ${left.join('\n  ')}`);
    result.failed++;
  } else {
    console.log('laravel appDir run: nothing left behind (no PHP server of the copy running, no worker database)');
  }
  await rm(dir, { recursive: true, force: true });
  await rm(scratch, { recursive: true, force: true });
  return result;
}

/**
 * The .env as the installers leave it, APP_DEBUG=true: a team's development .env, which must not fail the debug
 * checks (the kit runs the app with APP_DEBUG=false unless told, docs/team-app.md).
 */
async function withInstallersDebug(appDir: string): Promise<void> {
  const envFile = path.join(appDir, '.env');
  await writeFile(envFile, (await readFile(envFile, 'utf8')).replace(/^APP_DEBUG=.*$/m, 'APP_DEBUG=true'));
}

/**
 * `npx sanctum-spa-kit breaks` from the tarball, on the consumer's own app and
 * its axios SPA: a code break and an SPA break, each caught with its cause
 * named; the app itself unchanged. Returns the number of failures.
 */
async function breaksOnConsumerApp(dir: string, appDir: string): Promise<number> {
  const controller = path.join(appDir, 'app/Http/Controllers/Auth/AuthenticatedSessionController.php');
  const before = await readFile(controller, 'utf8');
  const only = ['logout-not-invalidated', 'spa-credentials-omitted'];
  console.log(`\n=== "breaks on a consumer's app": npx sanctum-spa-kit breaks --app-dir … --only=${only.join(',')}`);
  const args = ['sanctum-spa-kit', 'breaks', '--app-dir', appDir, `--only=${only.join(',')}`];
  const env = { ...process.env, APP_DIR: appDir, SPA_DIR: exampleDir };
  const breaks = startProcess({ label: 'npx sanctum-spa-kit breaks', command: 'npx', args, cwd: dir, env });
  let output = '';
  breaks.onOutput((chunk, stream) => {
    if (stream === 'stdout') output += chunk;
    (stream === 'stdout' ? process.stdout : process.stderr).write(chunk);
  });
  await finish(breaks);
  const missing = only.filter((id) => !new RegExp(`^✓ +${id} `, 'm').test(output));
  const untouched = (await readFile(controller, 'utf8')) === before;
  const named = missing.length === 0 ? 'both caught with the cause named' : `NOT named: ${missing.join(', ')}`;
  console.log(`breaks on a consumer's app: ${named}; the app itself ${untouched ? 'unchanged' : 'CHANGED'}`);
  return missing.length + (untouched ? 0 : 1);
}
