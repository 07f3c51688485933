// npm run test:e2e (part of npm test): the kit's suite on every backend this
// machine has. Pass 1 is `npx playwright test` as it is (KIT_BACKEND, auto by
// default); when Docker answers, the native backend and the docker version
// matrix (PHP 8.2/8.4 × Laravel 12/11) each get a pass too. Under CI=true a
// missing Docker engine fails the run instead of shrinking it.
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { projectDir, runCacheDir } from '../app-under-test/harness/paths.ts';
import { defaultDockerBinary, dockerDaemonAnswers } from '../docker/driver/docker-cli.ts';
import { loadHarnessSettings } from '../app-under-test/harness/settings.ts';
import { runCli } from './cli-errors.ts';

interface Pass {
  name: string;
  env: Record<string, string>;
  args: string[];
}

interface PassResult {
  name: string;
  passed: number;
  failed: number;
}

async function runPass(pass: Pass): Promise<PassResult> {
  const jsonFile = path.join(runCacheDir, 'e2e', `${pass.name}.json`);
  await rm(jsonFile, { force: true });
  console.log(`\n=== e2e pass "${pass.name}": npx playwright test ${pass.args.join(' ')} ${Object.entries(pass.env).map(([k, v]) => `${k}=${v}`).join(' ')}`);
  const env = {
    ...process.env,
    ...pass.env,
    PLAYWRIGHT_JSON_OUTPUT_NAME: jsonFile,
    PLAYWRIGHT_HTML_OUTPUT_DIR: path.join(projectDir, 'playwright-report', pass.name),
  };
  const code = await new Promise<number>((resolve) => {
    const child = spawn('npx', ['playwright', 'test', '--reporter=list,json,html', ...pass.args], { cwd: projectDir, env, stdio: 'inherit' });
    child.on('exit', (exitCode) => resolve(exitCode ?? 1));
  });
  const stats = await readFile(jsonFile, 'utf8').then((text) => JSON.parse(text).stats, () => undefined);
  if (!stats) return { name: pass.name, passed: 0, failed: Math.max(code, 1) };
  return { name: pass.name, passed: stats.expected, failed: stats.unexpected + stats.flaky + (code !== 0 && stats.unexpected === 0 ? 1 : 0) };
}

await runCli(async () => {
  const kitEnv = loadHarnessSettings(projectDir);
  await mkdir(path.join(runCacheDir, 'e2e'), { recursive: true });
  const dockerAnswers = await dockerDaemonAnswers(kitEnv.KIT_DOCKER_BINARY ?? defaultDockerBinary());
  if (process.env.CI && !dockerAnswers && kitEnv.KIT_BACKEND !== 'native') {
    console.error('test-e2e: CI needs a Docker engine for the docker passes: bash scripts/install-docker.sh');
    process.exit(1);
  }
  const passes: Pass[] = [{ name: 'default', env: {}, args: [] }];
  if (dockerAnswers && kitEnv.KIT_BACKEND === 'auto') {
    passes.push({ name: 'native', env: { KIT_BACKEND: 'native' }, args: [] });
    passes.push({ name: 'docker-matrix', env: { KIT_BACKEND: 'docker', KIT_MATRIX: 'all' }, args: ['--project=* @ *'] });
  } else if (!dockerAnswers) {
    console.log('test-e2e: no Docker engine answers; the docker backend and its matrix are not tested (bash scripts/install-docker.sh adds them)');
  }
  const results: PassResult[] = [];
  for (const pass of passes) results.push(await runPass(pass));

  console.log('\n=== e2e summary');
  for (const result of results) console.log(`  ${result.name}: ${result.passed} passed, ${result.failed} failed`);
  const passed = results.reduce((sum, result) => sum + result.passed, 0);
  const failed = results.reduce((sum, result) => sum + result.failed, 0);
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
});
