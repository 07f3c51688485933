import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';
import { editFile, removeFile, setEnv } from '../../fixtures/tools/breaks/edits.ts';
import { runBreaks } from '../../fixtures/tools/breaks/run-breaks.ts';
import { reapSandboxes, removeSandbox, resetSandbox, sandboxSlot } from '../../fixtures/tools/breaks/sandbox.ts';
import { changedFiles, filesOf } from './support/laravel-app-copy.ts';
import { alive } from './support/test-processes.ts';

// A catalogue run's sandbox slots on a small fake app (no Laravel: the file
// mechanics only): a reset brings back the app's exact files and their
// mtimes, vendor/ stays linked, two runs never share a slot, and every end
// of a run (done, failed, Ctrl-C, killed) leaves none behind. runBreaks runs
// a fake `npx` that says which sandbox it was given.

const projectDir = fileURLToPath(new URL('../..', import.meta.url));
const sandboxModule = fileURLToPath(new URL('../../fixtures/tools/breaks/sandbox.ts', import.meta.url));
const runBreaksModule = fileURLToPath(new URL('../../fixtures/tools/breaks/run-breaks.ts', import.meta.url));

/** A Laravel app's shape, a line a file; vendor/ the framework, .git and node_modules never copied. */
const APP_FILES: Record<string, string> = {
  '.env': 'APP_NAME=Fake\nSESSION_DRIVER=database\nSESSION_HTTP_ONLY=true\n',
  artisan: '<?php // the console\n',
  'config/session.php': "<?php return ['driver' => env('SESSION_DRIVER', 'database')];\n",
  'routes/api.php': "<?php Route::get('/user', fn () => null);\n",
  'database/migrations/0001_01_01_000000_create_users_table.php': '<?php // users, sessions\n',
  'storage/app/.gitignore': '*\n',
  'vendor/autoload.php': '<?php // composer\n',
  'vendor/laravel/framework/src/Application.php': '<?php // the framework\n',
  'node_modules/vite/index.js': '// a front-end tool\n',
  '.git/HEAD': 'ref: refs/heads/main\n',
};
/** Long before any test runs: a copy made now that did not keep it shows. */
const APP_MTIME = new Date('2024-01-02T03:04:05.678Z');

/** Two breaks that edit .env only (setEnv): the fake app takes them. */
const ENV_BREAKS = ['session-driver-array', 'http-only-off'];

/**
 * npx as runBreaks calls it ("npx playwright test …"): logs its pid, the sandbox it was given and the sandbox's
 * session settings, then does what FAKE_NPX says: hang (until stopped), remove-app (the app folder goes away), or
 * nothing (it exits without a report).
 */
const FAKE_NPX = `#!/bin/sh
settings=$(grep -E '^SESSION_(DRIVER|HTTP_ONLY)=' "$KIT_LARAVEL_APP_DIR/.env" | tr '\\n' ' ')
echo "$$|$KIT_LARAVEL_APP_DIR|$settings" >> "$FAKE_NPX_LOG"
case "$FAKE_NPX" in
  hang) exec sleep 60 ;;
  remove-app) rm -rf "$FAKE_APP" ;;
esac
`;

interface NpxCall {
  pid: number;
  sandbox: string;
  settings: string[];
}

interface Fixtures {
  /** This test's own scratch folder (KIT_SCRATCH_DIR), so that nothing of a real run's is seen or touched. */
  scratch: string;
  app: string;
  /** Sets environment variables of this process for the test (restored after it). */
  setEnvironment: (values: Record<string, string>) => void;
  /** A fake npx first on PATH (hanging when `mode` says so); its calls, read from its log. */
  fakeNpx: { env: Record<string, string>; calls: () => Promise<NpxCall[]> };
}

const test = base.extend<Fixtures>({
  setEnvironment: async ({}, use) => {
    const saved = new Map<string, string | undefined>();
    await use((values) => {
      for (const [name, value] of Object.entries(values)) {
        if (!saved.has(name)) saved.set(name, process.env[name]);
        process.env[name] = value;
      }
    });
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  },
  scratch: async ({ setEnvironment }, use, testInfo) => {
    const scratch = testInfo.outputPath('scratch');
    setEnvironment({ KIT_SCRATCH_DIR: scratch });
    await use(scratch);
    await rm(scratch, { recursive: true, force: true });
  },
  app: async ({}, use, testInfo) => {
    const app = testInfo.outputPath('app');
    for (const [file, text] of Object.entries(APP_FILES)) {
      await mkdir(path.dirname(path.join(app, file)), { recursive: true });
      await writeFile(path.join(app, file), text);
      await utimes(path.join(app, file), APP_MTIME, APP_MTIME);
    }
    await use(app);
  },
  fakeNpx: async ({ app, setEnvironment }, use, testInfo) => {
    const bin = testInfo.outputPath('bin');
    const log = testInfo.outputPath('npx.log');
    await mkdir(bin, { recursive: true });
    await writeFile(path.join(bin, 'npx'), FAKE_NPX);
    await chmod(path.join(bin, 'npx'), 0o755);
    const env = { PATH: `${bin}:${process.env.PATH}`, FAKE_NPX_LOG: log, FAKE_APP: app };
    setEnvironment(env);
    const calls = async () =>
      (await readFile(log, 'utf8').catch(() => ''))
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [pid, sandbox, settings] = line.split('|');
          return { pid: Number(pid), sandbox, settings: settings.trim().split(' ') };
        });
    await use({ env, calls });
  },
});

/** Every file's mtime in nanoseconds by its path, vendor/ (and what a sandbox never holds) left out. */
async function mtimesOf(dir: string): Promise<Map<string, bigint>> {
  const mtimes = new Map<string, bigint>();
  for (const file of (await filesOf(dir)).keys())
    mtimes.set(file, (await stat(path.join(dir, file), { bigint: true })).mtimeNs);
  return mtimes;
}

const inode = async (file: string) => (await stat(file)).ino;

/** A database template of an app folder, named as database-template.ts names it: its path's hash first. */
function templateOf(scratch: string, appDir: string): string {
  const appKey = createHash('sha256').update(appDir).digest('hex').slice(0, 8);
  return path.join(scratch, 'templates', `${appKey}-0123456789abcdef.sqlite`);
}

async function makeTemplate(scratch: string, appDir: string): Promise<string> {
  const template = templateOf(scratch, appDir);
  await mkdir(path.dirname(template), { recursive: true });
  await writeFile(template, 'SQLite format 3\0');
  return template;
}

/** What is left in the breaks folder of this test's scratch space. */
const leftInBreaks = async (scratch: string) => readdir(path.join(scratch, 'breaks')).catch(() => [] as string[]);

/** A TypeScript module run in a process of its own, with `env` added; its stdout collected. */
function runModule(source: string, dir: string, env: Record<string, string>) {
  const script = path.join(dir, `child-${Date.now()}.mts`);
  const child = writeFile(script, source).then(() =>
    spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: projectDir,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  return child;
}

const exitOf = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

test.describe('a reset', () => {
  test("brings back the app's exact files: a changed one, a removed one, and none the last break added", async ({
    scratch: _,
    app,
  }) => {
    const slot = await sandboxSlot(1);
    await resetSandbox(app, slot);
    const appFiles = await filesOf(app);
    expect(changedFiles(appFiles, await filesOf(slot)), 'the first reset: a copy').toEqual([]);
    expect((await readdir(slot)).sort(), 'no .git, no node_modules').toEqual(
      (await readdir(app)).filter((entry) => !['.git', 'node_modules'].includes(entry)).sort(),
    );

    await setEnv(slot, { SESSION_DRIVER: 'array' });
    await removeFile(slot, 'routes/api.php');
    await mkdir(path.join(slot, 'app/Http'), { recursive: true });
    await writeFile(path.join(slot, 'app/Http/Added.php'), '<?php // a break added me\n');
    expect(changedFiles(appFiles, await filesOf(slot))).toEqual(['.env', 'app/Http/Added.php', 'routes/api.php']);

    await resetSandbox(app, slot);
    expect(changedFiles(appFiles, await filesOf(slot))).toEqual([]);
    expect(existsSync(path.join(slot, 'app')), 'the folder the break added is gone too').toBe(false);
  });

  test("leaves every file with the app's mtime: PHP's opcache keeps the untouched, recompiles the changed", async ({
    scratch: _,
    app,
  }) => {
    const slot = await sandboxSlot(1);
    await resetSandbox(app, slot);
    const appMtimes = await mtimesOf(app);
    expect(await mtimesOf(slot)).toEqual(appMtimes);

    await editFile(slot, 'config/session.php', /'database'/, "'array'");
    const edited = (await mtimesOf(slot)).get('config/session.php');
    expect(edited, "the break's edit: a new mtime, so its compiled copy is not used").not.toBe(
      appMtimes.get('config/session.php'),
    );

    await resetSandbox(app, slot);
    expect(await mtimesOf(slot), "back to the app's: not the edit's, and the same as before it").toEqual(appMtimes);
  });

  test("keeps vendor/ linked to the app's files, the same folder from one break to the next", async ({
    scratch: _,
    app,
  }) => {
    const slot = await sandboxSlot(1);
    await resetSandbox(app, slot);
    const framework = 'vendor/laravel/framework/src/Application.php';
    expect(await inode(path.join(slot, framework)), 'a hard link, no copy').toBe(
      await inode(path.join(app, framework)),
    );
    const linkedVendor = await inode(path.join(slot, 'vendor'));

    await setEnv(slot, { SESSION_DRIVER: 'array' });
    await resetSandbox(app, slot);
    await resetSandbox(app, slot);
    expect(await inode(path.join(slot, 'vendor')), 'linked once, kept').toBe(linkedVendor);
    expect(await inode(path.join(slot, framework))).toBe(await inode(path.join(app, framework)));
  });
});

test.describe('slots', () => {
  test("two runs at once have slots of their own; a dead run's are reaped with their templates", async ({
    scratch,
    app,
  }, testInfo) => {
    const ours = await sandboxSlot(1);
    await resetSandbox(app, ours);
    const ourTemplate = await makeTemplate(scratch, ours);
    const other = await runModule(
      `import { resetSandbox, sandboxSlot } from ${JSON.stringify(sandboxModule)};\n` +
        'const slot = await sandboxSlot(1);\n' +
        `await resetSandbox(${JSON.stringify(app)}, slot);\n` +
        "console.log('SLOT', slot);\n" +
        'setInterval(() => {}, 1000);\n',
      testInfo.outputPath(),
      { KIT_SCRATCH_DIR: scratch },
    );
    const otherExit = exitOf(other);
    try {
      let said = '';
      other.stdout!.on('data', (chunk) => (said += String(chunk)));
      await expect.poll(() => said, { timeout: 30_000 }).toMatch(/SLOT \S+\n/);
      const theirs = said.match(/SLOT (\S+)/)![1];
      expect(theirs, "the other run's slot 1").not.toBe(ours);
      expect(path.basename(theirs)).toBe(`${other.pid}-slot-1`);
      const theirTemplate = await makeTemplate(scratch, theirs);

      expect(await reapSandboxes(), 'both runs live: nothing reaped').toBe(0);
      expect((await leftInBreaks(scratch)).sort()).toEqual([path.basename(ours), path.basename(theirs)].sort());

      other.kill('SIGKILL'); // no cleanup of its own
      await otherExit;
      expect(await reapSandboxes()).toBe(1);
      expect(await leftInBreaks(scratch)).toEqual([path.basename(ours)]);
      expect(existsSync(theirTemplate), "the dead run's template").toBe(false);
      expect(existsSync(ourTemplate), 'ours').toBe(true);
    } finally {
      other.kill('SIGKILL');
    }
  });

  test('removing a slot removes the database templates of its path, and no other', async ({ scratch, app }) => {
    const [first, second] = [await sandboxSlot(1), await sandboxSlot(2)];
    await resetSandbox(app, first);
    await resetSandbox(app, second);
    const [firstTemplate, secondTemplate] = [await makeTemplate(scratch, first), await makeTemplate(scratch, second)];
    await removeSandbox(first);
    expect(await leftInBreaks(scratch)).toEqual([path.basename(second)]);
    expect(existsSync(firstTemplate)).toBe(false);
    expect(existsSync(secondTemplate)).toBe(true);
  });
});

test.describe('runBreaks', () => {
  test("resets the runner's slot before each break, and removes it and its templates at the end", async ({
    scratch,
    app,
    fakeNpx,
  }, testInfo) => {
    const template = await makeTemplate(scratch, await sandboxSlot(1));
    const results = await runBreaks({ appDir: app, cwd: testInfo.outputPath(), only: ENV_BREAKS, concurrency: 1 });
    expect(results.map((result) => [result.break.id, result.verdict])).toEqual([
      ['session-driver-array', 'error'], // the fake npx writes no report
      ['http-only-off', 'error'],
    ]);
    const [first, second] = await fakeNpx.calls();
    expect(second.sandbox, 'one slot for both breaks').toBe(first.sandbox);
    expect(path.basename(first.sandbox)).toBe(`${process.pid}-slot-1`);
    expect(first.settings).toEqual(['SESSION_DRIVER=array', 'SESSION_HTTP_ONLY=true']);
    expect(second.settings, 'the first break undone').toEqual(['SESSION_DRIVER=database', 'SESSION_HTTP_ONLY=false']);
    expect(await leftInBreaks(scratch), 'no slot, no report').toEqual([]);
    expect(existsSync(template)).toBe(false);
  });

  test('a run that fails on the way still removes its slots', async ({
    scratch,
    app,
    fakeNpx,
    setEnvironment,
  }, testInfo) => {
    setEnvironment({ FAKE_NPX: 'remove-app' });
    const failure = await runBreaks({ appDir: app, cwd: testInfo.outputPath(), only: ENV_BREAKS, concurrency: 1 }).then(
      () => undefined,
      (error: Error) => error,
    );
    expect(failure?.message, 'the second reset finds no app').toContain('ENOENT');
    expect(await fakeNpx.calls()).toHaveLength(1);
    expect(await leftInBreaks(scratch)).toEqual([]);
  });

  test('Ctrl-C stops the runs going on, removes the slots, then ends the process by SIGINT', async ({
    scratch,
    app,
    fakeNpx,
  }, testInfo) => {
    const options = { appDir: app, cwd: testInfo.outputPath(), only: ENV_BREAKS, concurrency: 2 };
    const catalogueRun = await runModule(
      `import { runBreaks } from ${JSON.stringify(runBreaksModule)};\n` +
        `await runBreaks(${JSON.stringify(options)});\n` +
        "console.log('RETURNED');\n",
      testInfo.outputPath(),
      { ...fakeNpx.env, FAKE_NPX: 'hang', KIT_SCRATCH_DIR: scratch },
    );
    const ended = exitOf(catalogueRun);
    let said = '';
    catalogueRun.stdout!.on('data', (chunk) => (said += String(chunk)));
    try {
      await expect.poll(async () => (await fakeNpx.calls()).length, { timeout: 30_000 }).toBe(2);
      const calls = await fakeNpx.calls();
      expect(new Set(calls.map((call) => call.sandbox)).size, 'two runners, two slots').toBe(2);
      expect(await leftInBreaks(scratch)).toHaveLength(2);

      catalogueRun.kill('SIGINT');
      expect(await ended).toEqual({ code: null, signal: 'SIGINT' });
      expect(said, 'it never returned to print a score').not.toContain('RETURNED');
      expect(
        calls.filter((call) => alive(call.pid)),
        'the runs it stopped',
      ).toEqual([]);
      expect(await leftInBreaks(scratch)).toEqual([]);
    } finally {
      catalogueRun.kill('SIGKILL');
    }
  });
});
