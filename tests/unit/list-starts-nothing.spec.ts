import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';
import { laravelBackendSource, writeConsumerProject } from './support/consumer-project.ts';
import { makeStandInPrograms, type StandInPrograms } from './support/stand-in-programs.ts';

// `npx playwright test --list`, what editors call again and again, runs for real against the kit's own
// suite and against a consumer's laravel-mode config, with every program the kit could start replaced by
// a stand-in that only writes down its name and arguments: a listing must leave that record empty and
// the kit's scratch folder (database templates, worker copies) unmade.

const REPO = fileURLToPath(new URL('../..', import.meta.url));

interface Listing {
  code: number;
  stdout: string;
  stderr: string;
  /** One line per stand-in called: its name and arguments. */
  started: string[];
  scratchMade: boolean;
}

interface ListingSandbox {
  programs: StandInPrograms;
  list: (cwd: string, env?: NodeJS.ProcessEnv) => Promise<Listing>;
}

const test = base.extend<{ sandbox: ListingSandbox }>({
  sandbox: async ({}, use) => {
    const programs = await makeStandInPrograms('kit-list-');
    await use({
      programs,
      list: async (cwd, extraEnv = {}) => {
        const run = await new Promise<Omit<Listing, 'started' | 'scratchMade'>>((resolve) =>
          execFile(
            'npx',
            ['playwright', 'test', '--list'],
            { cwd, env: { ...programs.env, ...extraEnv }, timeout: 50_000, maxBuffer: 16 * 1024 * 1024 },
            (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
          ),
        );
        return { ...run, started: await programs.started(), scratchMade: programs.scratchMade() };
      },
    });
    await programs.remove();
  },
});

function expectStartedNothing(listing: Listing): void {
  expect(listing.code, `the listing failed:\n${listing.stderr}`).toBe(0);
  expect(listing.started, '--list started these programs (name and arguments): it must start none').toEqual([]);
  expect(listing.scratchMade, "--list made the kit's scratch folder (KIT_SCRATCH_DIR): something was provisioned").toBe(
    false,
  );
}

test("listing the kit's own suite (KIT_BACKEND=auto) probes no docker or php, provisions nothing", async ({
  sandbox,
}) => {
  test.setTimeout(60_000);
  // auto: the harness picks docker when a daemon answers, else native when php runs; a listing must ask neither.
  const listing = await sandbox.list(REPO, { KIT_BACKEND: 'auto' });
  expectStartedNothing(listing);
  expect(listing.stdout).toMatch(/Total: \d+ tests in \d+ files/);
  expect(listing.stdout).toContain('logout signs out');
  expect(listing.stdout).toContain('[twin: stateful domains without the SPA port]');
});

test("listing a consumer's laravel-mode config starts neither its app, its SPA command nor Chromium", async ({
  sandbox,
}) => {
  test.setTimeout(60_000);
  const dir = path.join(sandbox.programs.root, 'consumer');
  await writeConsumerProject(dir, laravelBackendSource(sandbox.programs.standIn('next')));
  const listing = await sandbox.list(dir);
  expectStartedNothing(listing);
  expect(listing.stdout).toMatch(/Total: \d+ tests in \d+ files/);
  expect(listing.stdout).toContain('logout signs out');
});
