import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';

// `npx playwright test --list`, what editors call again and again, runs for real against the kit's own
// suite and against a consumer's laravel-mode config, with every program the kit could start replaced by
// a stand-in that only writes down its name and arguments: a listing must leave that record empty and
// the kit's scratch folder (database templates, worker copies) unmade.

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const FACTORY = path.join(REPO, 'fixtures/config/define-sanctum-config.ts');
const PUBLIC_API = path.join(REPO, 'fixtures/public/index.ts');
/** The programs the kit, its harness and its topologies start by name, and the consumer's SPA dev server. */
const STAND_IN_NAMES = ['php', 'docker', 'composer', 'chromium', 'nginx', 'redis-server', 'openssl', 'mkcert', 'next'];

interface Listing {
  code: number;
  stdout: string;
  stderr: string;
  /** One line per stand-in called: its name and arguments. */
  started: string[];
  scratchMade: boolean;
}

interface ListingSandbox {
  root: string;
  /** The stand-in for a program, by name (also first on PATH). */
  standIn: (name: string) => string;
  list: (cwd: string, env?: NodeJS.ProcessEnv) => Promise<Listing>;
}

const test = base.extend<{ sandbox: ListingSandbox }>({
  sandbox: async ({}, use) => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'kit-list-'));
    const bin = path.join(root, 'bin');
    const record = path.join(root, 'started.txt');
    const scratch = path.join(root, 'scratch');
    await mkdir(bin);
    for (const name of STAND_IN_NAMES) {
      const script = path.join(bin, name);
      await writeFile(script, `#!/bin/sh\necho "${name} $*" >> '${record}'\n`);
      await chmod(script, 0o755);
    }
    // The parent run's own answers (KIT_BACKEND_RESOLVED, KIT_RUN_ID, .env's values) must not reach the listing.
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('KIT_')));
    const env = {
      ...inherited,
      PATH: `${bin}:${process.env.PATH}`,
      KIT_PHP_BINARY: path.join(bin, 'php'),
      KIT_DOCKER_BINARY: path.join(bin, 'docker'),
      KIT_CHROMIUM_PATH: path.join(bin, 'chromium'),
      KIT_SCRATCH_DIR: scratch,
      // The HTML reporter rewrites its folder even for a listing: not the developer's playwright-report.
      PLAYWRIGHT_HTML_OUTPUT_DIR: path.join(root, 'html-report'),
    };
    await use({
      root,
      standIn: (name) => path.join(bin, name),
      list: async (cwd, extraEnv = {}) => {
        const run = await new Promise<Omit<Listing, 'started' | 'scratchMade'>>((resolve) =>
          execFile(
            'npx',
            ['playwright', 'test', '--list'],
            { cwd, env: { ...env, ...extraEnv }, timeout: 50_000, maxBuffer: 16 * 1024 * 1024 },
            (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
          ),
        );
        const started = (await readFile(record, 'utf8').catch(() => '')).split('\n').filter(Boolean);
        return { ...run, started, scratchMade: existsSync(scratch) };
      },
    });
    await rm(root, { recursive: true, force: true });
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
  const dir = path.join(sandbox.root, 'consumer');
  await mkdir(path.join(dir, 'e2e'), { recursive: true });
  await mkdir(path.join(dir, 'api'));
  await writeFile(path.join(dir, 'api', 'artisan'), '<?php\n');
  await symlink(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'));
  await writeFile(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  const spaCommand = `${sandbox.standIn('next')} dev -p {port}`;
  await writeFile(
    path.join(dir, 'playwright.config.ts'),
    [
      `import { defineSanctumConfig } from ${JSON.stringify(FACTORY)};`,
      'export default defineSanctumConfig(',
      `  { backend: { laravel: { appDir: './api', spa: { command: ${JSON.stringify(spaCommand)} } } } },`,
      "  { testDir: './e2e', workers: 2, fullyParallel: true },",
      ');',
    ].join('\n'),
  );
  await writeFile(
    path.join(dir, 'e2e', 'sanctum.spec.ts'),
    [
      `import { sanctumFlows, sanctumWireChecks, test } from ${JSON.stringify(PUBLIC_API)};`,
      "const form = (page) => page.getByRole('form', { name: 'Log in' });",
      'sanctumFlows(test, {',
      "  emailInput: (page) => page.getByLabel('Email'),",
      "  passwordInput: (page) => page.getByLabel('Password'),",
      "  submitButton: (page) => page.getByRole('button', { name: 'Log in' }),",
      '  signedOut: form,',
      '  signedIn: (page, user) => page.getByText(user.email),',
      "  loginError: (page) => form(page).getByRole('alert'),",
      "  logOutButton: (page) => page.getByRole('button', { name: 'Log out' }),",
      '});',
      'sanctumWireChecks(test);',
    ].join('\n'),
  );
  const listing = await sandbox.list(dir);
  expectStartedNothing(listing);
  expect(listing.stdout).toMatch(/Total: \d+ tests in \d+ files/);
  expect(listing.stdout).toContain('logout signs out');
});
