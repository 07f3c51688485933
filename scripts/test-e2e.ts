// npm run test:e2e (part of npm test): the kit's suite on every backend this
// machine has, then the library as other repos use it.
//   1. `npx playwright test` as it is (KIT_BACKEND, auto by default); when
//      Docker answers, native and the docker version matrix get a pass too.
//      Under CI=true a missing Docker engine fails the run instead of shrinking it.
//   2. The packed tarball (npm pack) in new directories made with `npm init -y`,
//      ESM and CommonJS, against a stack the kit did not start; examples/consumer
//      (its own axios SPA) the same way; and backend.laravel.appDir on a copy of
//      the bundled app with 2 workers, checked to leave nothing behind.
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { apiDir, projectDir, runCacheDir } from '../app-under-test/harness/paths.ts';
import { loadHarnessSettings } from '../app-under-test/harness/settings.ts';
import { defaultDockerBinary, dockerDaemonAnswers } from '../docker/driver/docker-cli.ts';
import { runCli } from './cli-errors.ts';
import { startExternalStack } from './consumer/external-stack.ts';
import { freshConsumer } from './consumer/fresh-consumer.ts';
import { leftoversOf } from './consumer/leftovers.ts';
import { packKit } from './consumer/pack-kit.ts';

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
  const code = await new Promise<number>((resolve) => {
    const child = spawn('npx', ['playwright', 'test', '--reporter=list,json,html', ...pass.args], { cwd: pass.cwd ?? projectDir, env, stdio: 'inherit' });
    child.on('exit', (exitCode) => resolve(exitCode ?? 1));
  });
  const stats = await readFile(jsonFile, 'utf8').then((text) => JSON.parse(text).stats, () => undefined);
  if (!stats) return { name: pass.name, passed: 0, failed: Math.max(code, 1) };
  return { name: pass.name, passed: stats.expected, failed: stats.unexpected + stats.flaky + (code !== 0 && stats.unexpected === 0 ? 1 : 0) };
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
  const results: PassResult[] = [];
  for (const pass of passes) results.push(await runPass(pass));
  return results;
}

async function consumerPasses(): Promise<PassResult[]> {
  const tarball = await packKit();
  const host = loadHarnessSettings(projectDir).KIT_HOST;
  const results: PassResult[] = [];

  const stack = await startExternalStack(host);
  try {
    const stackEnv = { KIT_API_URL: stack.apiUrl, KIT_SPA_URL: stack.spaUrl };
    for (const type of ['module', 'commonjs'] as const) {
      const files = { 'playwright.config.ts': 'playwright.config.ts', 'e2e/spa-adapter.ts': 'spa-adapter.ts', 'e2e/sanctum.spec.ts': 'sanctum.spec.ts' };
      const dir = await freshConsumer({ type, tarball, files });
      results.push(await runPass({ name: `fresh ${type === 'module' ? 'ESM' : 'CommonJS'} consumer, external stack`, env: stackEnv, args: [], cwd: dir }));
      await rm(dir, { recursive: true, force: true });
    }
  } finally {
    await stack.stop();
  }

  const example = path.join(projectDir, 'examples', 'consumer');
  await rm(path.join(example, 'node_modules', 'sanctum-spa-kit'), { recursive: true, force: true });
  await run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock'], example);
  results.push(await runPass({ name: 'examples/consumer (axios SPA, webServer stack)', env: {}, args: [], cwd: example }));

  results.push(await laravelAppDirPass(tarball, example));
  return results;
}

/** backend.laravel.appDir on a copy of the bundled app: 2 workers, each its own database, nothing left behind. */
async function laravelAppDirPass(tarball: string, example: string): Promise<PassResult> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'sanctum-kit-appdir-'));
  const appCopy = path.join(scratch, 'api');
  await cp(apiDir, appCopy, { recursive: true, filter: (source) => !/\/(\.provisioned\.json|storage\/logs\/.+)$/.test(source) });
  // Acme's adapter and spec, its SPA served per worker by Vite, against the copy.
  const dir = await freshConsumer({ type: 'module', tarball, files: { 'playwright.config.ts': 'laravel-app.config.ts' } });
  await cp(path.join(example, 'e2e'), path.join(dir, 'e2e'), { recursive: true });
  const result = await runPass({ name: 'laravel appDir (a copy of the bundled app), 2 workers', env: { APP_DIR: appCopy, SPA_DIR: example }, args: [], cwd: dir });
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

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code} in ${cwd}`))));
  });
}

await runCli(async () => {
  await mkdir(path.join(runCacheDir, 'e2e'), { recursive: true });
  // --consumers-only: just part 2, e.g. after a change to the packaging.
  const results = [...(process.argv.includes('--consumers-only') ? [] : await kitPasses()), ...(await consumerPasses())];
  console.log('\n=== e2e summary');
  for (const result of results) console.log(`  ${result.name}: ${result.passed} passed, ${result.failed} failed`);
  const passed = results.reduce((sum, result) => sum + result.passed, 0);
  const failed = results.reduce((sum, result) => sum + result.failed, 0);
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
});
