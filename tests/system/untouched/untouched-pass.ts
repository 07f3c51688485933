// The team's app untouched, proven: a copy of the bundled app in each of the
// setups teams leave their app in (team-setups.ts), fingerprinted before and
// after every kind of run the kit makes against it (green, red, Ctrl-C, a
// worker killed, breaks, doctor), with every outside service it names on a
// tripwire port. A case passes when the app's files and database are
// byte-identical, nothing connected to the tripwire and no server of the app
// is left running.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort, type ManagedProcess } from 'sanctum-spa-kit/driver';
import { copyAsTeamApp } from '../consumer/team-app-copy.ts';
import { waitFor } from '../support/wait-for.ts';
import { appServers, type AppServer } from './app-servers.ts';
import { fingerprint, fingerprintChanges } from './app-fingerprint.ts';
import { runInConsumer, type ConsumerRun } from './run-in-consumer.ts';
import { TEAM_SETUPS, type TeamSetup } from './team-setups.ts';
import { startTripwire, type Tripwire } from './tripwire.ts';

export interface UntouchedOptions {
  /** The bundled app, copied for each setup. */
  sourceAppDir: string;
  /** A consumer project: the kit from its tarball, a config with backend.laravel.appDir = APP_DIR. */
  consumerDir: string;
  /** The SPA the consumer's config starts per worker (SPA_DIR). */
  spaDir: string;
}

export interface UntouchedCaseResult {
  name: string;
  /** Empty when the app stayed untouched and the run behaved as the case expects. */
  problems: string[];
}

interface RunContext {
  appDir: string;
  options: UntouchedOptions;
}

interface RunMode {
  name: string;
  /** Runs the kit against the app; returns what went wrong besides the fingerprint. */
  run(context: RunContext): Promise<string[]>;
}

const GREEN: RunMode = {
  name: 'a green run',
  run: async (context) => expectExit(await playwright(context), (code) => code === 0, 'green'),
};

/** A run the kit must stop before any write, with a message naming the cause. */
function refusedMode(naming: RegExp): RunMode {
  return {
    name: 'a run the kit must refuse',
    run: async (context) => {
      const result = await playwright(context);
      return result.exitCode !== 0 && naming.test(result.outputTail)
        ? []
        : [`expected the run to stop naming ${naming}, got exit ${result.exitCode}:\n${result.outputTail}`];
    },
  };
}

const OTHER_MODES: RunMode[] = [
  {
    name: 'a failed run (SESSION_HTTP_ONLY=false through backend.laravel.env)',
    run: async (context) =>
      expectExit(
        await playwright(context, { APP_ENV_OVERRIDES: JSON.stringify({ SESSION_HTTP_ONLY: 'false' }) }),
        (code) => code === 1,
        'red',
      ),
  },
  {
    name: "Ctrl-C mid-run (SIGINT to the run's process group)",
    run: async (context) => {
      await playwright(context, {}, async (run) => {
        await firstServerOf(context.appDir);
        run.signal('SIGINT');
      });
      return serversLeft(context.appDir);
    },
  },
  {
    name: 'a worker killed mid-run (SIGKILL)',
    run: async (context) => {
      await playwright(context, {}, async () => {
        process.kill((await firstServerOf(context.appDir)).workerPid, 'SIGKILL');
      });
      return serversLeft(context.appDir);
    },
  },
  {
    name: 'npx sanctum-spa-kit breaks --only=http-only-off',
    run: async ({ appDir, options }) => {
      const result = await runInConsumer(
        'npx',
        ['sanctum-spa-kit', 'breaks', '--app-dir', appDir, '--only=http-only-off'],
        { cwd: options.consumerDir, env: consumerEnv(appDir, options) },
      );
      return /^✓ +http-only-off /m.test(result.outputTail) ? [] : [`the break was not named:\n${result.outputTail}`];
    },
  },
  {
    name: "npx sanctum-spa-kit doctor, run from the app's folder (its .env read for KIT_*)",
    run: async ({ appDir, options }) => {
      const deadPort = await freePort();
      const bin = path.join(options.consumerDir, 'node_modules', '.bin', 'sanctum-spa-kit');
      const result = await runInConsumer(
        bin,
        ['doctor', '--api', `http://127.0.0.1:${deadPort}`, '--spa', `http://127.0.0.1:${deadPort}`],
        { cwd: appDir, env: process.env },
      );
      return expectExit(result, (code) => code === 1, "the doctor's ✗ (exit 1) for an API nobody answers");
    },
  },
];

/**
 * Every setup with a green run (or the refusal it calls for); the setup with the most to lose (its services named, its
 * config cached) with every other kind of run too.
 */
export async function untouchedCases(options: UntouchedOptions): Promise<UntouchedCaseResult[]> {
  const tripwire = await startTripwire();
  const results: UntouchedCaseResult[] = [];
  try {
    for (const setup of TEAM_SETUPS) {
      const modes = setup.refusedNaming
        ? [refusedMode(setup.refusedNaming)]
        : setup.everyKindOfRun
          ? [GREEN, ...OTHER_MODES]
          : [GREEN];
      results.push(...(await casesOnSetup(setup, modes, options, tripwire)));
    }
  } finally {
    await tripwire.close();
  }
  return results;
}

async function casesOnSetup(
  setup: TeamSetup,
  modes: RunMode[],
  options: UntouchedOptions,
  tripwire: Tripwire,
): Promise<UntouchedCaseResult[]> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'sanctum-kit-untouched-'));
  const appDir = path.join(scratch, 'team-app');
  const results: UntouchedCaseResult[] = [];
  try {
    await copyAsTeamApp(options.sourceAppDir, appDir);
    await setup.prepare(appDir, tripwire.port);
    const before = await fingerprint(appDir);
    for (const mode of modes) {
      const connectionsBefore = tripwire.connections();
      const problems = await mode
        .run({ appDir, options })
        .catch((error: Error) => [`the case could not run: ${error.message}`]);
      const connections = tripwire.connections() - connectionsBefore;
      if (connections > 0)
        problems.push(`${connections} connection(s) reached the team's MySQL/Postgres/Redis/SMTP port`);
      const changes = fingerprintChanges(before, await fingerprint(appDir));
      if (changes.length > 0) problems.push(`the app's files changed:\n    ${changes.join('\n    ')}`);
      results.push({ name: `${setup.name} · ${mode.name}`, problems });
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return results;
}

function consumerEnv(appDir: string, options: UntouchedOptions, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, APP_DIR: appDir, SPA_DIR: options.spaDir, ...extra };
}

function playwright(
  context: RunContext,
  extra: Record<string, string> = {},
  during?: (run: ManagedProcess) => Promise<void>,
): Promise<ConsumerRun> {
  return runInConsumer('npx', ['playwright', 'test', '--reporter=dot'], {
    cwd: context.options.consumerDir,
    env: consumerEnv(context.appDir, context.options, extra),
    during,
  });
}

function expectExit(result: ConsumerRun, expected: (code: number | null) => boolean, what: string): string[] {
  return expected(result.exitCode)
    ? []
    : [`expected ${what}, got exit ${result.exitCode ?? result.signal}:\n${result.outputTail}`];
}

/** The run is mid-flow once a worker has started a server of the app. */
function firstServerOf(appDir: string): Promise<AppServer> {
  return waitFor(async () => (await appServers(appDir))[0], 120_000, 'a PHP server of the app');
}

/** A server the run started and did not stop (its watchdog gets a moment after a SIGKILL). */
async function serversLeft(appDir: string): Promise<string[]> {
  const gone = await waitFor(
    async () => ((await appServers(appDir)).length === 0 ? true : undefined),
    10_000,
    "the app's servers to stop",
  ).catch(() => false);
  return gone ? [] : (await appServers(appDir)).map((server) => `php -S still serving the app: pid ${server.pid}`);
}
