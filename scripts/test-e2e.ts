// npm run test:e2e (part of npm test): the kit's suite on every backend this
// machine has, then the library as other repos use it.
//   1. `npx playwright test` as it is (KIT_BACKEND, auto by default); when
//      Docker answers, native and the docker version matrix get a pass too;
//      then the production topologies and their twins, natively.
//      Under CI=true a missing Docker engine fails the run instead of shrinking it.
//   2. Two runs at once with provisioning due, both green; a run killed
//      mid-flow (SIGKILL to a worker and the runner), then one that must pass
//      and leave nothing of it; a run with a recognisable password, then its
//      reports scanned for it.
//   3. The packed tarball (npm pack) in new directories made with `npm init -y`,
//      ESM and CommonJS, against stacks the kit did not start; backend.laravel.appDir
//      on a copy of the bundled app with 2 workers, checked to leave nothing behind.
//   4. examples/consumer (its own axios SPA) from the tarball: `npm run example`.
//   5. The team's app untouched: copies of the bundled app in the states teams
//      leave theirs (config cached, MySQL/Redis/SMTP named, …), byte-identical
//      after green, red, interrupted and killed runs, breaks and the doctor.
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runProcess, startProcess, finish } from 'sanctum-spa-kit/driver';
import { DEFAULT_LINE } from '../app-under-test/harness/lines.ts';
import { appDirOf, projectDir, runCacheDir } from '../app-under-test/harness/paths.ts';
import { loadHarnessSettings } from '../app-under-test/harness/settings.ts';
import { defaultDockerBinary, dockerDaemonAnswers } from '../docker/driver/docker-cli.ts';
import { runCli } from './cli-errors.ts';
import { doctorCases } from './doctor-stacks.ts';
import { killMidRun, whatRemains } from './kill-mid-run.ts';
import { startExternalStack, type ExternalStack } from './consumer/external-stack.ts';
import { freshConsumer } from './consumer/fresh-consumer.ts';
import { leftoversOf } from './consumer/leftovers.ts';
import { packKit } from './consumer/pack-kit.ts';
import { copyAsTeamApp } from './consumer/team-app-copy.ts';
import { findSecrets } from './consumer/secrets-scan.ts';
import { addUsersColumn, usersDifference, usersRows } from './consumer/users-table.ts';
import { untouchedCases } from './untouched/untouched-pass.ts';

interface Pass {
  name: string;
  env: Record<string, string>;
  args: string[];
  cwd?: string;
}

interface PassResult {
  name: string;
  passed: number;
  failed: number;
  /** Playwright's JSON report of the pass. */
  jsonFile: string;
}

async function runPass(pass: Pass): Promise<PassResult> {
  const jsonFile = path.join(runCacheDir, 'e2e', `${pass.name.replace(/\W+/g, '-')}.json`);
  await rm(jsonFile, { force: true });
  console.log(`\n=== e2e pass "${pass.name}": ${pass.cwd ? `(in ${pass.cwd}) ` : ''}npx playwright test ${pass.args.join(' ')} ${Object.entries(pass.env).map(([k, v]) => `${k}=${v}`).join(' ')}`);
  const env = {
    ...process.env,
    ...pass.env,
    PLAYWRIGHT_JSON_OUTPUT_NAME: jsonFile,
    PLAYWRIGHT_HTML_OUTPUT_DIR: path.join(projectDir, 'playwright-report', pass.name.replace(/\W+/g, '-')),
  };
  const args = ['playwright', 'test', '--reporter=list,json,html', ...pass.args];
  const { exit } = await runProcess({ label: 'npx playwright test', command: 'npx', args, cwd: pass.cwd ?? projectDir, env, output: 'terminal' });
  const code = exit.code ?? 1;
  const stats = await readFile(jsonFile, 'utf8').then((text) => JSON.parse(text).stats, () => undefined);
  if (!stats) return { name: pass.name, passed: 0, failed: Math.max(code, 1), jsonFile };
  return { name: pass.name, passed: stats.expected, failed: stats.unexpected + stats.flaky + (code !== 0 && stats.unexpected === 0 ? 1 : 0), jsonFile };
}

async function kitPasses(): Promise<PassResult[]> {
  const settings = loadHarnessSettings(projectDir);
  const dockerAnswers = await dockerDaemonAnswers(settings.KIT_DOCKER_BINARY ?? defaultDockerBinary());
  if (process.env.CI && !dockerAnswers && settings.KIT_BACKEND !== 'native') {
    console.error('test-e2e: CI needs a Docker engine for the docker passes: bash scripts/install-docker.sh');
    process.exit(1);
  }
  const passes: Pass[] = [{ name: 'default', env: {}, args: [] }];
  if (dockerAnswers && settings.KIT_BACKEND === 'auto') {
    passes.push({ name: 'native', env: { KIT_BACKEND: 'native' }, args: [] });
    passes.push({ name: 'docker-matrix', env: { KIT_BACKEND: 'docker', KIT_MATRIX: 'all' }, args: ['--project=* @ *'] });
  } else if (!dockerAnswers) {
    console.log('test-e2e: no Docker engine answers; the docker backend and its matrix are not tested (bash scripts/install-docker.sh adds them)');
  }
  // The production topologies (native): https on subdomains, and its twins red for their named cause.
  passes.push({ name: 'topologies (https on subdomains, replicas, SSR; their twins)', env: { KIT_BACKEND: 'native', KIT_TOPOLOGIES: 'all' }, args: ['--project=https*', '--project=replicas*', '--project=ssr*'] });
  const results: PassResult[] = [];
  for (const pass of passes) results.push(await runPass(pass));
  return results;
}

/**
 * Two `npx playwright test` at once in this checkout with provisioning due
 * (the app and the SPA build removed first): one provisions while the other
 * waits on its lock, each writes its own output folder; both must pass.
 */
async function concurrentPasses(): Promise<PassResult[]> {
  await rm(appDirOf(DEFAULT_LINE.laravel), { recursive: true, force: true });
  await rm(path.join(projectDir, 'app-under-test', 'spa', 'dist'), { recursive: true, force: true });
  const pass = (name: string) => runPass({ name, env: { KIT_BACKEND: 'native' }, args: ['--project=wire', '--project=chromium'] });
  return Promise.all([pass('concurrent run A (provisioning due)'), pass('concurrent run B (provisioning due)')]);
}

/**
 * A crash mid-run: a worker and the runner killed with SIGKILL while the
 * flows run; the next run must pass and leave nothing of the first behind
 * (its PHP servers, database copies, output folder).
 */
async function killPass(): Promise<PassResult> {
  const killed = await killMidRun();
  console.log(`kill mid-run: SIGKILL to a worker and the runner (pid ${killed.killedRunner}); left right after: ${killed.leftAfterKill.join(', ') || 'nothing'}`);
  // No server may outlive its killed worker, not even until the next run.
  const serversLeft = killed.leftAfterKill.filter((line) => line.startsWith('php -S'));
  const next = await runPass({ name: 'the run after a killed one', env: { KIT_BACKEND: 'native' }, args: ['--project=wire'] });
  const remains = await whatRemains(killed);
  console.log(`kill mid-run: after the next run, ${remains.length === 0 ? 'nothing of the killed run remains' : `still there: ${remains.join(', ')}`}`);
  return { ...next, failed: next.failed + serversLeft.length + remains.length };
}

/**
 * A green run with a recognisable password leaves it nowhere in the reports,
 * nor any whole session or XSRF cookie value; the same scan after a run with
 * KIT_SHOW_SECRETS=1 must find them, or the scan proves nothing.
 */
async function secretsPass(): Promise<PassResult> {
  const secret = 'Sup3r-S3cret-XYZ';
  const folders = (name: string) => [path.join(projectDir, 'test-results'), path.join(projectDir, 'playwright-report', name.replace(/\W+/g, '-'))];
  const masked = await runPass({ name: 'secrets masked', env: { KIT_BACKEND: 'native', KIT_TEST_USER_PASSWORD: secret }, args: ['--project=wire', '--project=chromium'] });
  const leaks = await findSecrets(folders(masked.name), [secret]);
  console.log(leaks.length === 0 ? `secrets masked: "${secret}" and whole cookie values are in no report file` : `secrets masked: LEAKED\n  ${leaks.join('\n  ')}`);
  const shown = await runPass({ name: 'secrets shown', env: { KIT_BACKEND: 'native', KIT_TEST_USER_PASSWORD: secret, KIT_SHOW_SECRETS: '1' }, args: ['--project=chromium', '--grep=good login'] });
  const control = await findSecrets(folders(shown.name), [secret]);
  console.log(`secrets shown (control): the scan ${control.length > 0 ? `finds them (${control.length} files), as it must` : 'finds NOTHING: it cannot fail'}`);
  return { ...masked, passed: masked.passed + shown.passed, failed: masked.failed + shown.failed + leaks.length + (control.length > 0 ? 0 : 1) };
}

async function consumerPasses(): Promise<PassResult[]> {
  const tarball = await packKit();
  const files = { 'playwright.config.ts': 'playwright.config.ts', 'e2e/spa-adapter.ts': 'spa-adapter.ts', 'e2e/sanctum.spec.ts': 'sanctum.spec.ts' };
  const esm = await freshConsumer({ type: 'module', tarball, files });
  const cjs = await freshConsumer({ type: 'commonjs', tarball, files });
  const results: PassResult[] = [];
  try {
    results.push(await againstStack('fresh ESM consumer, external stack; its users table unchanged', esm, {}, async (stack, run) => {
      const before = await usersRows(stack.database);
      const result = await run();
      const { changes, rememberTokenRotated } = usersDifference(before, await usersRows(stack.database));
      console.log(`users table: ${changes.length === 0 ? 'unchanged' : changes.join('; ')}${rememberTokenRotated ? ` (remember_token rotated by Laravel's logout for ${rememberTokenRotated} user(s))` : ''}`);
      return { ...result, failed: result.failed + changes.length };
    }));
    results.push(await againstStack('fresh CommonJS consumer, external stack with SESSION_LIFETIME=240 and an extra users column', cjs, { SESSION_LIFETIME: '240' }, async (stack, run) => {
      await addUsersColumn(stack.database, 'nickname');
      return run();
    }));
    // A break the kit must name: the session cookie's HttpOnly, found by name, not mistaken for "no session cookie".
    results.push(await againstStack('external stack with SESSION_HTTP_ONLY=false fails naming HttpOnly', esm, { SESSION_HTTP_ONLY: 'false' }, async (_stack, run) => {
      const result = await run(['--grep', 'guest gets a 401']);
      const report = await readFile(result.jsonFile, 'utf8');
      const named = report.includes('expected HttpOnly') && !report.includes('is it a Laravel Sanctum API');
      console.log(`SESSION_HTTP_ONLY=false: ${result.failed > 0 && named ? 'red, naming HttpOnly, as it must' : 'NOT caught as it must be'}`);
      return { name: result.name, passed: result.failed > 0 && named ? 1 : 0, failed: result.failed > 0 && named ? 0 : 1, jsonFile: result.jsonFile };
    }));
  } finally {
    await Promise.all([esm, cjs].map((dir) => rm(dir, { recursive: true, force: true })));
  }

  // Acme's SPA is what each worker's Vite serves in the appDir pass: its dependencies first.
  await installExample();
  results.push(await laravelAppDirPass(tarball, exampleDir));
  return results;
}

/** The doctor: all ✓ on the bundled stack, the right ✗ (exit 1) on each misconfigured one. */
async function doctorPass(): Promise<PassResult> {
  console.log('\n=== e2e pass "doctor": npx sanctum-spa-kit doctor against the bundled stack and misconfigured ones');
  const cases = await doctorCases();
  for (const doctorCase of cases) console.log(`  ${doctorCase.ok ? '✓' : '✗'} ${doctorCase.name}: ${doctorCase.said}`);
  return { name: 'doctor against 7 stacks', passed: cases.filter((doctorCase) => doctorCase.ok).length, failed: cases.filter((doctorCase) => !doctorCase.ok).length, jsonFile: '' };
}

/** examples/consumer as its users run it: the kit from the tarball, `npx playwright test`, webServer starting the stack. */
const exampleDir = path.join(projectDir, 'examples', 'consumer');

async function examplePass(): Promise<PassResult> {
  await packKit();
  await installExample();
  return runPass({ name: 'examples/consumer (axios SPA, webServer stack)', env: {}, args: [], cwd: exampleDir });
}

/** examples/consumer's dependencies, the kit's current tarball among them (npm keeps a file: tarball it has seen, so it goes first). */
async function installExample(): Promise<void> {
  await rm(path.join(exampleDir, 'node_modules', 'sanctum-spa-kit'), { recursive: true, force: true });
  await run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock'], exampleDir);
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
    return await body(stack, (args = []) => runPass({ name, env: { KIT_API_URL: stack.apiUrl, KIT_SPA_URL: stack.spaUrl }, args, cwd: dir }));
  } finally {
    await stack.stop();
  }
}

/** backend.laravel.appDir on a copy of the bundled app: 2 workers, each its own database, nothing left behind. */
async function laravelAppDirPass(tarball: string, example: string): Promise<PassResult> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'sanctum-kit-appdir-'));
  const appCopy = path.join(scratch, 'api');
  await copyAsTeamApp(appDirOf(DEFAULT_LINE.laravel), appCopy);
  const dir = await laravelAppConsumer(tarball, example);
  const result = await runPass({ name: 'laravel appDir (a copy of the bundled app), 2 workers', env: { APP_DIR: appCopy, SPA_DIR: example }, args: [], cwd: dir });
  result.failed += await breaksOnConsumerApp(dir, appCopy, example);
  const left = await leftoversOf(appCopy);
  if (left.length > 0) {
    console.error(`laravel appDir pass left things behind:\n  ${left.join('\n  ')}`);
    result.failed++;
  } else {
    console.log('laravel appDir pass: nothing left behind (no PHP server of the copy running, no worker database)');
  }
  await rm(dir, { recursive: true, force: true });
  await rm(scratch, { recursive: true, force: true });
  return result;
}

/**
 * `npx sanctum-spa-kit breaks` from the tarball, on the consumer's own app and
 * its axios SPA: a code break and an SPA break, each caught with its cause
 * named; the app itself unchanged. Returns the number of failures.
 */
async function breaksOnConsumerApp(dir: string, appDir: string, example: string): Promise<number> {
  const controller = path.join(appDir, 'app/Http/Controllers/Auth/AuthenticatedSessionController.php');
  const before = await readFile(controller, 'utf8');
  const only = ['logout-not-invalidated', 'spa-credentials-omitted'];
  console.log(`\n=== e2e pass "breaks on a consumer's app": npx sanctum-spa-kit breaks --app-dir … --only=${only.join(',')}`);
  const args = ['sanctum-spa-kit', 'breaks', '--app-dir', appDir, `--only=${only.join(',')}`];
  const breaks = startProcess({ label: 'npx sanctum-spa-kit breaks', command: 'npx', args, cwd: dir, env: { ...process.env, APP_DIR: appDir, SPA_DIR: example } });
  let output = '';
  breaks.onOutput((chunk, stream) => {
    if (stream === 'stdout') output += chunk;
    (stream === 'stdout' ? process.stdout : process.stderr).write(chunk);
  });
  await finish(breaks);
  const missing = only.filter((id) => !new RegExp(`^✓ ${id} `, 'm').test(output));
  const untouched = (await readFile(controller, 'utf8')) === before;
  console.log(`breaks on a consumer's app: ${missing.length === 0 ? 'both caught with the cause named' : `NOT named: ${missing.join(', ')}`}; the app itself ${untouched ? 'unchanged' : 'CHANGED'}`);
  return missing.length + (untouched ? 0 : 1);
}

/** A fresh consumer whose config runs its own Laravel app (APP_DIR) with Acme's adapter and spec, its SPA (SPA_DIR) served per worker by Vite. */
async function laravelAppConsumer(tarball: string, example: string): Promise<string> {
  const dir = await freshConsumer({ type: 'module', tarball, files: { 'playwright.config.ts': 'laravel-app.config.ts' } });
  await cp(path.join(example, 'e2e'), path.join(dir, 'e2e'), { recursive: true });
  return dir;
}

/** scripts/untouched: each case's app byte-identical after the run, no connection to the team's services. */
async function untouchedPass(): Promise<PassResult> {
  await installExample();
  const consumerDir = await laravelAppConsumer(await packKit(), exampleDir);
  console.log('\n=== e2e pass "the team\'s app untouched": copies of the bundled app in teams\' setups, fingerprinted around every kind of run');
  try {
    const cases = await untouchedCases({ sourceAppDir: appDirOf(DEFAULT_LINE.laravel), consumerDir, spaDir: exampleDir });
    for (const { name, problems } of cases) console.log(`  ${problems.length === 0 ? '✓' : '✗'} ${name}${problems.length === 0 ? ': byte-identical, no connection to its services' : `\n    ${problems.join('\n    ')}`}`);
    const failed = cases.filter((untouchedCase) => untouchedCase.problems.length > 0).length;
    return { name: `the team's app untouched (${cases.length} cases)`, passed: cases.length - failed, failed, jsonFile: '' };
  } finally {
    await rm(consumerDir, { recursive: true, force: true });
  }
}

async function run(command: string, args: string[], cwd: string): Promise<void> {
  const { exit } = await runProcess({ label: command, command, args, cwd, output: 'terminal' });
  if (exit.code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${exit.code ?? exit.signal} in ${cwd}`);
}

await runCli(async () => {
  await mkdir(path.join(runCacheDir, 'e2e'), { recursive: true });
  // --only=kit|concurrent|kill|secrets|consumers|doctor|example|untouched runs one part, e.g. --only=consumers after a change to the packaging.
  const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  const parts = {
    kit: kitPasses, concurrent: concurrentPasses, kill: async () => [await killPass()], secrets: async () => [await secretsPass()], consumers: consumerPasses,
    doctor: async () => [await doctorPass()], example: async () => [await examplePass()], untouched: async () => [await untouchedPass()],
  };
  const results: PassResult[] = [];
  for (const [name, part] of Object.entries(parts)) if (!only || only === name) results.push(...(await part()));
  console.log('\n=== e2e summary');
  for (const result of results) console.log(`  ${result.name}: ${result.passed} passed, ${result.failed} failed`);
  const passed = results.reduce((sum, result) => sum + result.passed, 0);
  const failed = results.reduce((sum, result) => sum + result.failed, 0);
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
});
