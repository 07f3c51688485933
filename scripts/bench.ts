// npm run bench [-- --docker-cold]: the figures in the README, measured on
// this machine. Bounded: a fixed, small number of runs of each step; loopback
// only. --docker-cold also times base and API image builds from nothing (it
// removes the kit's images, the Debian base and Docker's build cache first).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildSpa } from '../app-under-test/spa/build.ts';
import { startSpaServer } from '../app-under-test/spa/server.ts';
import { freePort, LaravelAppBackend } from 'sanctum-spa-kit/driver';
import { DEFAULT_LINE, LARAVEL_LINES } from '../app-under-test/harness/lines.ts';
import { appDirOf, projectDir, spaDistDir } from '../app-under-test/harness/paths.ts';
import { loadHarnessSettings } from '../app-under-test/harness/settings.ts';
import { dockerDaemonAnswers } from '../docker/driver/docker-cli.ts';
import { benchDocker } from './bench/docker.ts';
import { formatRow, measure, type Figures } from './bench/measure.ts';
import { freshAppCopy } from './bench/provisioning.ts';
import { benchSpaServers } from './bench/spa-servers.ts';
import { benchSuites } from './bench/suite.ts';
import { benchTopology } from './bench/topology.ts';
import { runCli } from './cli-errors.ts';

const report = (label: string, runs: number, figures: Figures) => console.log(formatRow(label, runs, figures));

async function untilUp(url: string): Promise<void> {
  // A benchmark of a server that gives no ready signal: poll, bounded to 15 s.
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then((response) => response.status === 200, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${url} not up within 15 s`);
}

async function benchProvisioning(): Promise<void> {
  for (const line of LARAVEL_LINES) {
    const emptyComposerCache = await mkdtemp(path.join(os.tmpdir(), 'sanctum-kit-composer-cache-'));
    const cold = await freshAppCopy(line);
    report(`provisioning laravel${line}, cold (fresh clone, empty Composer cache)`, 1, await measure(1, () => cold.provision({ ...process.env, COMPOSER_CACHE_DIR: emptyComposerCache })));
    await cold.remove();
    await rm(emptyComposerCache, { recursive: true, force: true });
    const clones = await Promise.all([1, 2].map(() => freshAppCopy(line)));
    let next = 0;
    report(`provisioning laravel${line}, fresh clone (warm Composer cache)`, 2, await measure(2, () => clones[next++].provision()));
    report(`provisioning laravel${line}, cached (nothing changed)`, 5, await measure(5, () => clones[0].provision()));
    await Promise.all(clones.map((clone) => clone.remove()));
  }
}

async function benchNativeStart(native: LaravelAppBackend, php: string): Promise<void> {
  report('API start to /up 200 (native: php -S, kit driver, includes app facts)', 5, await measure(5, async () => {
    const backend = await native.start({ spaOrigin: 'http://localhost:5173', envOverrides: {}, workerIndex: 99 });
    await backend.stop();
  }));
  report('API start to /up 200 (php artisan serve, for comparison)', 3, await measure(3, async () => {
    const port = await freePort();
    const child = spawn(php, ['artisan', 'serve', '--host=127.0.0.1', `--port=${port}`], { cwd: appDirOf(DEFAULT_LINE.laravel), stdio: 'ignore', detached: true });
    try {
      await untilUp(`http://127.0.0.1:${port}/up`);
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
    }
  }));
}

async function benchSpa(): Promise<void> {
  report('SPA build (vite build, forced)', 3, await measure(3, () => buildSpa({ force: true })));
  report('SPA build, cached (nothing changed)', 5, await measure(5, () => buildSpa()));
  report('SPA server start to GET / 200', 5, await measure(5, async () => {
    const spa = await startSpaServer({ distDir: spaDistDir, host: '127.0.0.1', port: 0, apiOrigin: 'http://localhost:8000' });
    await (await fetch(`http://127.0.0.1:${spa.port}/`)).arrayBuffer();
    await spa.close();
  }));
}

await runCli(async () => {
  const harness = loadHarnessSettings(projectDir);
  const user = { email: harness.KIT_TEST_USER_EMAIL, password: harness.KIT_TEST_USER_PASSWORD };
  const withDocker = await dockerDaemonAnswers();
  console.log(`| step | median | min–max | runs |\n|---|---|---|---|`);
  await benchProvisioning();
  const native = new LaravelAppBackend({ appDir: appDirOf(DEFAULT_LINE.laravel), php: harness.KIT_PHP_BINARY, env: {}, host: harness.KIT_HOST, user, readyTimeoutMs: 15_000 });
  await native.prepare();
  await benchNativeStart(native, harness.KIT_PHP_BINARY);
  if (withDocker) await benchDocker(report, harness.KIT_HOST, user, { cold: process.argv.includes('--docker-cold') });
  await benchSpa();
  await benchSpaServers(native, harness.KIT_HOST);
  await benchTopology(report, harness);
  await benchSuites(report, withDocker ? ['docker', 'native'] : ['native']);
  console.log(`\nmachine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}${withDocker ? '' : '; no Docker engine answered, docker rows skipped'}`);
});
