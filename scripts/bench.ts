// npm run bench: the figures in the README, measured on this machine.
// Bounded: a fixed, small number of runs of each step; loopback only.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildSpa } from '../app-under-test/spa/build.ts';
import { startSpaServer } from '../app-under-test/spa/server.ts';
import { apiDir, projectDir, spaDistDir } from '../fixtures/app-paths.ts';
import { freePort } from '../fixtures/backend/free-port.ts';
import { NativeBackend } from '../fixtures/backend/native.ts';
import { loadKitEnv } from '../fixtures/config/load.ts';
import { formatRow, measure } from './bench/measure.ts';
import { freshAppCopy } from './bench/provisioning.ts';
import { runCli } from './cli-errors.ts';
import { benchSpaServers } from './bench/spa-servers.ts';

const rows: string[] = [];
const report = (label: string, runs: number, figures: Awaited<ReturnType<typeof measure>>) => {
  const row = formatRow(label, runs, figures);
  rows.push(row);
  console.log(row);
};

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

/** Runs the kit's suite as a user would; rejects when it does not pass. */
function runPlaywright(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['playwright', 'test', '--reporter=dot', ...args], { cwd: projectDir, stdio: 'ignore' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npx playwright test ${args.join(' ')} failed (exit ${code})`))));
  });
}

await runCli(async () => {
  const kitEnv = loadKitEnv(projectDir);
  console.log(`| step | median | min–max | runs |\n|---|---|---|---|`);

  const emptyComposerCache = await mkdtemp(path.join(os.tmpdir(), 'sanctum-kit-composer-cache-'));
  const cold = await freshAppCopy();
  report('provisioning, cold (fresh clone, empty Composer cache)', 1, await measure(1, () => cold.provision({ ...process.env, COMPOSER_CACHE_DIR: emptyComposerCache })));
  await cold.remove();
  await rm(emptyComposerCache, { recursive: true, force: true });

  const clones = await Promise.all([1, 2, 3].map(() => freshAppCopy()));
  let next = 0;
  report('provisioning, fresh clone (warm Composer cache)', 3, await measure(3, () => clones[next++].provision()));
  report('provisioning, cached (nothing changed)', 5, await measure(5, () => clones[0].provision()));
  await Promise.all(clones.map((clone) => clone.remove()));

  const native = new NativeBackend(kitEnv.KIT_PHP_BINARY, kitEnv.KIT_HOST);
  report('API start to /up 200 (native: php -S, kit driver, includes app facts)', 5, await measure(5, async () => {
    const backend = await native.start({ spaOrigin: 'http://localhost:5173', envOverrides: {}, workerIndex: 99 });
    await backend.stop();
  }));
  report('API start to /up 200 (php artisan serve, for comparison)', 3, await measure(3, async () => {
    const port = await freePort();
    const child = spawn(kitEnv.KIT_PHP_BINARY, ['artisan', 'serve', '--host=127.0.0.1', `--port=${port}`], { cwd: apiDir, stdio: 'ignore', detached: true });
    try {
      await untilUp(`http://127.0.0.1:${port}/up`);
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
    }
  }));

  await benchSpaServers(native);

  report('SPA build (vite build, forced)', 3, await measure(3, () => buildSpa({ force: true })));
  report('SPA build, cached (nothing changed)', 5, await measure(5, () => buildSpa()));
  report('SPA server start to GET / 200', 5, await measure(5, async () => {
    const spa = await startSpaServer({ distDir: spaDistDir, host: '127.0.0.1', port: 0, apiOrigin: 'http://localhost:8000' });
    const response = await fetch(`http://127.0.0.1:${spa.port}/`);
    await response.arrayBuffer();
    await spa.close();
  }));

  report('core suite, warm: 5 flows + twin in Chromium (npx playwright test, wall)', 3, await measure(3, () => runPlaywright(['--project=chromium', '--project=twin*'])));
  report('whole suite, warm: wire + flows + twin (npx playwright test, wall)', 3, await measure(3, () => runPlaywright([])));

  console.log(`\nmachine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
});
