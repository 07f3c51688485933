import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';
import { freePort } from '../../fixtures/runtime/process/free-port.ts';
import { startLocalServer } from './support/local-server.ts';

// A consumer's playwright.config.ts run by Playwright's own command line, from another directory than
// the config's: what the user sees (exit code, stderr) and how long the kit's part takes, measured in
// the config itself (from before the kit is imported to the process's exit), apart from Playwright's start-up.

const PLAYWRIGHT = fileURLToPath(new URL('../../node_modules/.bin/playwright', import.meta.url));
const NODE_MODULES = fileURLToPath(new URL('../../node_modules', import.meta.url));
const FACTORY = fileURLToPath(new URL('../../fixtures/config/define-sanctum-config.ts', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** From the config's first line to the process's exit. */
  kitMs: number;
}

/** A consumer folder (ESM, Playwright resolvable, one spec) whose config passes `options` to defineSanctumConfig. */
const test = base.extend<{ consumer: (options: string, args: string[]) => Promise<Run & { dir: string }> }>({
  consumer: async ({}, use) => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'kit-consumer-'));
    await use(async (options, args) => {
      const dir = path.join(root, 'app');
      await mkdir(path.join(dir, 'e2e'), { recursive: true });
      await symlink(NODE_MODULES, path.join(dir, 'node_modules')).catch(() => undefined);
      await writeFile(path.join(dir, 'package.json'), '{ "type": "module" }\n');
      await writeFile(
        path.join(dir, 'e2e', 'a.spec.ts'),
        "import { test } from '@playwright/test';\ntest('a', () => {});\n",
      );
      await writeFile(
        path.join(dir, 'playwright.config.ts'),
        [
          'const started = performance.now();',
          "process.on('exit', () => console.error(`KIT_MS ${Math.round(performance.now() - started)}`));",
          `const { defineSanctumConfig } = await import(${JSON.stringify(FACTORY)});`,
          `const config = defineSanctumConfig(${options}, { testDir: './e2e', reporter: 'line' });`,
          "console.log('BACKEND', JSON.stringify(config.use.sanctum.backend));",
          'export default config;',
        ].join('\n'),
      );
      const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('KIT_')));
      // Run from the folder above the config's: relative paths must not follow the working directory.
      const run = await new Promise<Omit<Run, 'kitMs'>>((resolve) =>
        execFile(
          PLAYWRIGHT,
          [...args, '-c', path.join(dir, 'playwright.config.ts')],
          { cwd: root, env },
          (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
        ),
      );
      return { ...run, dir, kitMs: Number(/KIT_MS (\d+)/.exec(run.stderr)?.[1] ?? NaN) };
    });
    await rm(root, { recursive: true, force: true });
  },
});

test('relative paths resolve against the config file’s folder, not the working directory', async ({ consumer }) => {
  const options =
    "{ backend: { laravel: { appDir: '../api', spa: { command: 'npx vite --port {port}', cwd: 'spa' } } } }";
  const run = await consumer(options, ['test', '--list']);
  expect(run.stderr).not.toContain('bad settings');
  const backend = JSON.parse(/BACKEND (.*)/.exec(run.stdout)?.[1] ?? '{}');
  expect(backend.laravel.appDir).toBe(path.resolve(run.dir, '../api'));
  expect(backend.laravel.spa.cwd).toBe(path.join(run.dir, 'spa'));
});

test('a typo inside backend.external fails at once, naming the key path, without a stack trace', async ({
  consumer,
}) => {
  const options = "{ backend: { external: { apiURL: 'http://localhost:8000', spaUrl: 'http://localhost:5173' } } }";
  const run = await consumer(options, ['test', '--list']);
  expect(run.code).not.toBe(0);
  expect(run.stderr).toContain(
    'backend.external.apiURL (from app/playwright.config.ts): unknown option; did you mean apiUrl?',
  );
  expect(run.stderr).not.toContain('KIT_API_URL');
  expect(run.stderr).not.toMatch(/^\s+at /m);
  test.info().annotations.push({ type: 'the kit’s part: import, validation, exit', description: `${run.kitMs} ms` });
});

test('an apiUrl nothing listens on stops the run before any test, naming the key that set it', async ({ consumer }) => {
  const spa = await startLocalServer();
  try {
    const apiUrl = `http://localhost:${await freePort()}`;
    const run = await consumer(`{ backend: { external: { apiUrl: '${apiUrl}', spaUrl: '${spa.origin}' } } }`, ['test']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`nothing listens on ${apiUrl} (backend.external.apiUrl)`);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    test.info().annotations.push({ type: 'from the config’s first line to the exit', description: `${run.kitMs} ms` });
  } finally {
    await spa.close();
  }
});
