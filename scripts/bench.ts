// npm run bench [-- --docker-cold] [--only=part,…]: the figures in the README, measured
// on this machine. Bounded: a fixed, small number of runs of each step; loopback
// only. --docker-cold also times base and API image builds from nothing (it
// removes the kit's images, the Debian base and Docker's build cache first).
// --only runs some parts: provisioning, native-start, docker, spa, spa-servers,
// topology, suites, flows-floor (the five flows, kit / bare @playwright/test), signed-in (a saved
// signed-in state against a sign-in per test).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildSpa } from '../app-under-test/spa/build.ts';
import { startSpaServer } from '../app-under-test/spa/server.ts';
import {
  answersBelow500,
  BackendStartError,
  freePort,
  LaravelAppBackend,
  startProcess,
  untilReady,
} from 'sanctum-spa-kit/driver';
import { DEFAULT_LINE, LARAVEL_LINES } from '../app-under-test/harness/lines.ts';
import { appDirOf, projectDir, spaDistDir } from '../app-under-test/harness/paths.ts';
import { loadHarnessSettings } from '../app-under-test/harness/settings.ts';
import { harnessUser } from '../app-under-test/harness/test-accounts.ts';
import { dockerDaemonAnswers } from '../docker/driver/docker-cli.ts';
import { benchDocker } from './bench/docker.ts';
import { formatRow, measure, type Figures } from './bench/measure.ts';
import { benchFlowsFloor } from './bench/flows-floor.ts';
import { freshAppCopy } from './bench/provisioning.ts';
import { benchSpaServers } from './bench/spa-servers.ts';
import { benchSignedIn } from './bench/signed-in.ts';
import { benchSuites } from './bench/suite.ts';
import { benchTopology } from './bench/topology.ts';
import { runCli } from './cli-errors.ts';

const report = (label: string, runs: number, figures: Figures) => console.log(formatRow(label, runs, figures));

const PARTS = [
  'provisioning',
  'native-start',
  'docker',
  'spa',
  'spa-servers',
  'topology',
  'suites',
  'flows-floor',
  'signed-in',
];

/** The parts --only=a,b names (every part without it); an unknown name stops the bench before anything runs. */
function chosenParts(): Set<string> {
  const only = process.argv
    .find((arg) => arg.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',');
  const unknown = (only ?? []).filter((part) => !PARTS.includes(part));
  if (unknown.length > 0) {
    throw new BackendStartError(`--only: unknown part(s) ${unknown.join(', ')}; the parts: ${PARTS.join(', ')}`);
  }
  return new Set(only ?? PARTS);
}

async function benchProvisioning(): Promise<void> {
  for (const line of LARAVEL_LINES) {
    const emptyComposerCache = await mkdtemp(path.join(os.tmpdir(), 'sanctum-kit-composer-cache-'));
    const cold = await freshAppCopy(line);
    report(
      `provisioning laravel${line}, cold (fresh clone, empty Composer cache)`,
      1,
      await measure(1, () => cold.provision({ ...process.env, COMPOSER_CACHE_DIR: emptyComposerCache })),
    );
    await cold.remove();
    await rm(emptyComposerCache, { recursive: true, force: true });
    const clones = await Promise.all([1, 2].map(() => freshAppCopy(line)));
    let next = 0;
    report(
      `provisioning laravel${line}, fresh clone (warm Composer cache)`,
      2,
      await measure(2, () => clones[next++].provision()),
    );
    report(`provisioning laravel${line}, cached (nothing changed)`, 5, await measure(5, () => clones[0].provision()));
    await Promise.all(clones.map((clone) => clone.remove()));
  }
}

async function benchNativeStart(native: LaravelAppBackend, php: string): Promise<void> {
  report(
    'API start to /up 200 (native: php -S, kit driver, includes app facts)',
    5,
    await measure(5, async () => {
      const backend = await native.start({ spaOrigin: 'http://localhost:5173', envOverrides: {}, workerIndex: 99 });
      await backend.stop();
    }),
  );
  // Its stops are not part of the figure: each is awaited after the runs.
  const stops: Promise<void>[] = [];
  report(
    'API start to /up 200 (php artisan serve, for comparison)',
    3,
    await measure(3, async () => {
      const port = await freePort();
      const args = ['artisan', 'serve', '--host=127.0.0.1', `--port=${port}`];
      const artisan = startProcess({
        label: 'php artisan serve',
        command: php,
        args,
        cwd: appDirOf(DEFAULT_LINE.laravel),
      });
      try {
        const outcome = await untilReady(answersBelow500(`http://127.0.0.1:${port}/up`), {
          timeoutMs: 15_000,
          process: artisan,
        });
        if (outcome.kind !== 'ready')
          throw new Error(`php artisan serve: /up not answering within 15 s\n${artisan.logTail(10)}`);
      } finally {
        stops.push(artisan.stop());
      }
    }),
  );
  await Promise.all(stops);
}

async function benchSpa(): Promise<void> {
  report('SPA build (vite build, forced)', 3, await measure(3, () => buildSpa({ force: true })));
  report('SPA build, cached (nothing changed)', 5, await measure(5, () => buildSpa()));
  report(
    'SPA server start to GET / 200',
    5,
    await measure(5, async () => {
      const spa = await startSpaServer({
        distDir: spaDistDir,
        host: '127.0.0.1',
        port: 0,
        apiOrigin: 'http://localhost:8000',
      });
      await (await fetch(`http://127.0.0.1:${spa.port}/`)).arrayBuffer();
      await spa.close();
    }),
  );
}

await runCli(async () => {
  const harness = loadHarnessSettings(projectDir);
  const user = harnessUser(harness);
  const parts = chosenParts();
  const withDocker = await dockerDaemonAnswers();
  console.log(`| step | median | min–max | runs |\n|---|---|---|---|`);
  if (parts.has('provisioning')) await benchProvisioning();
  const native = new LaravelAppBackend({
    appDir: appDirOf(DEFAULT_LINE.laravel),
    php: harness.KIT_PHP_BINARY,
    env: {},
    host: harness.KIT_HOST,
    users: [user],
    readyTimeoutMs: 15_000,
  });
  if (parts.has('native-start') || parts.has('spa-servers')) await native.prepare();
  if (parts.has('native-start')) await benchNativeStart(native, harness.KIT_PHP_BINARY);
  if (withDocker && parts.has('docker')) {
    await benchDocker(report, harness.KIT_HOST, user, { cold: process.argv.includes('--docker-cold') });
  }
  if (parts.has('spa')) await benchSpa();
  if (parts.has('spa-servers')) await benchSpaServers(native, harness.KIT_HOST);
  if (parts.has('topology')) await benchTopology(report, harness);
  if (parts.has('suites')) await benchSuites(report, withDocker ? ['docker', 'native'] : ['native']);
  if (parts.has('flows-floor')) await benchFlowsFloor(report, harness);
  if (parts.has('signed-in')) await benchSignedIn(report);
  console.log(
    `\nmachine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ` +
      `${process.version}${withDocker ? '' : '; no Docker engine answered, docker rows skipped'}`,
  );
});
