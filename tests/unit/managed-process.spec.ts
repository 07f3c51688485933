import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify, stripVTControlCharacters } from 'node:util';
import { test, expect } from '@playwright/test';
import { freePort } from '../../fixtures/runtime/process/free-port.ts';
import { startProcess, type ManagedProcess } from '../../fixtures/runtime/process/managed-process.ts';
import { acceptsConnections, answersBelow500, printed } from '../../fixtures/runtime/process/ready-conditions.ts';
import { runProcess } from '../../fixtures/runtime/process/run-process.ts';
import { describeExit, missingProgram, startFailureReport } from '../../fixtures/runtime/process/start-report.ts';
import { untilReady } from '../../fixtures/runtime/process/until-ready.ts';
import { alive, killGroupIfAlive, pidsIn } from './support/test-processes.ts';

// Real processes only: every command below is a real `node -e` script.

const projectDir = fileURLToPath(new URL('../..', import.meta.url));
const moduleFile = fileURLToPath(new URL('../../fixtures/runtime/process/managed-process.ts', import.meta.url));

/** A child of the script that lives until killed; `ignoreTerm` makes it shrug SIGTERM off. */
function helper(ignoreTerm = false): string {
  const body = `${ignoreTerm ? 'process.on("SIGTERM", () => {}); ' : ''}console.log("up"); setInterval(() => {}, 1000)`;
  return (
    'require("child_process").spawn(process.execPath, ["-e", ' +
    `${JSON.stringify(body)}], { stdio: ["ignore", "pipe", "ignore"] })`
  );
}

/**
 * A script that starts a helper, prints "PIDS <its pid> <the helper's>" once the helper runs, and stays.
 * `ignoreTerm`: both shrug SIGTERM off, the script saying so, and writing it to `termFile` when given.
 */
function leaderWithHelper({ ignoreTerm = false, termFile = '' } = {}): string {
  const onTerm =
    'console.log("ignoring SIGTERM"); ' +
    `${termFile ? `require("fs").appendFileSync(${JSON.stringify(termFile)}, "SIGTERM")` : ''}`;
  return [
    ignoreTerm ? `process.on("SIGTERM", () => { ${onTerm} });` : '',
    `const helper = ${helper(ignoreTerm)};`,
    'helper.stdout.once("data", () => console.log("PIDS", process.pid, helper.pid));',
    'setInterval(() => {}, 1000);',
  ].join('\n');
}

function node(script: string, extra: { graceMs?: number; cwd?: string } = {}) {
  return { label: 'a node script', command: process.execPath, args: ['-e', script], ...extra };
}

/** The pids a script printed as `PIDS a b`, once it has. */
async function printedPids(watched: ManagedProcess): Promise<number[]> {
  const outcome = await untilReady(printed(watched, 'PIDS '), { timeoutMs: 10_000, process: watched });
  expect(outcome.kind, watched.logTail()).toBe('ready');
  return pidsIn(watched.logTail());
}

test('keeps what it printed on both streams, and how it ended', async () => {
  const listeners = process.listenerCount('exit');
  const watched = startProcess(
    node('console.log("compiling…"); console.error("boom: config broken"); process.exit(3)'),
  );
  expect(watched.pid).toBeGreaterThan(0);
  const exit = await watched.exited;
  expect(exit).toEqual({ code: 3, signal: null });
  expect(describeExit(exit)).toBe('exit code 3');
  expect(watched.logTail()).toBe('compiling…\nboom: config broken');
  await watched.stop();
  expect(process.listenerCount('exit'), 'no exit handler left behind').toBe(listeners);
});

test('its pid is the group’s: the command itself leads it, not a shell around it', async () => {
  const watched = startProcess(
    node(
      'console.log("PIDS", process.pid, require("fs").readFileSync("/proc/self/stat", ' +
        '"utf8").split(") ")[1].split(" ")[2]); setInterval(() => {}, 1000)',
    ),
  );
  try {
    const [pid, groupId] = await printedPids(watched);
    expect(pid).toBe(watched.pid);
    expect(groupId).toBe(watched.pid);
  } finally {
    await watched.stop();
  }
});

test('stop() ends the whole group: the command and the child it started', async () => {
  const listeners = process.listenerCount('exit');
  const watched = startProcess(node(leaderWithHelper()));
  expect(process.listenerCount('exit')).toBe(listeners + 1);
  const pids = await printedPids(watched);
  for (const pid of pids) expect(alive(pid)).toBe(true);
  await watched.stop();
  for (const pid of pids) expect(alive(pid), `pid ${pid} survived stop()`).toBe(false);
  expect((await watched.exited).signal).toBe('SIGTERM');
  expect(process.listenerCount('exit')).toBe(listeners);
  await watched.stop(); // twice is fine
});

test('stop() falls back to SIGKILL after the grace period when the group ignores SIGTERM', async () => {
  const watched = startProcess(node(leaderWithHelper({ ignoreTerm: true }), { graceMs: 300 }));
  const pids = await printedPids(watched);
  await watched.stop();
  for (const pid of pids) expect(alive(pid), `pid ${pid} survived stop()`).toBe(false);
  expect((await watched.exited).signal).toBe('SIGKILL');
  expect(watched.logTail()).toContain('ignoring SIGTERM');
});

test('stop() signals the group, not only its leader: a leader that waits on its helper ends with it', async () => {
  // The leader shrugs SIGTERM off and exits 0 once its helper ends: only a SIGTERM to the whole group
  // ends it before the grace period; a SIGTERM to the leader alone would leave it to the SIGKILL.
  const script = [
    'process.on("SIGTERM", () => {});',
    `const helper = ${helper()};`,
    'helper.on("exit", (code, signal) => { console.log("helper ended by", signal); process.exit(0); });',
    'helper.stdout.once("data", () => console.log("PIDS", process.pid, helper.pid));',
    'setInterval(() => {}, 1000);',
  ].join('\n');
  const watched = startProcess(node(script, { graceMs: 5_000 }));
  await printedPids(watched);
  const started = Date.now();
  await watched.stop();
  expect(await watched.exited, 'the leader left on its own, after its helper').toEqual({ code: 0, signal: null });
  expect(watched.logTail()).toContain('helper ended by SIGTERM');
  expect(Date.now() - started, 'stop() did not wait out the grace period').toBeLessThan(5_000);
});

test('signal() reaches the command itself: SIGINT, as Ctrl-C sends it, is not ignored', async () => {
  const script =
    'process.on("SIGINT", () => { console.log("got SIGINT"); process.exit(0); ' +
    '}); console.log("PIDS", process.pid); setInterval(() => {}, 1000)';
  const watched = startProcess(node(script));
  await printedPids(watched);
  watched.signal('SIGINT');
  expect(await watched.exited).toEqual({ code: 0, signal: null });
  expect(watched.logTail()).toContain('got SIGINT');
  await watched.stop();
});

/** A node process that starts a managed process with `script`, prints its PIDS line and then `then`. */
async function workerScript(dir: string, script: string, then: string): Promise<string> {
  const worker = path.join(dir, 'worker.mts');
  await writeFile(
    worker,
    [
      `import { startProcess } from ${JSON.stringify(moduleFile)};`,
      `const watched = startProcess(${JSON.stringify(node(script, { graceMs: 500 }))});`,
      'watched.onOutput((chunk) => { if (String(chunk).includes("PIDS")) process.stdout.write(chunk); });',
      'await new Promise((resolve) => watched.onOutput(resolve));',
      then,
    ].join('\n'),
  );
  return worker;
}

test('this process exiting without stop() takes the group along', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'managed-process-'));
  let pids: number[] = [];
  try {
    const worker = await workerScript(dir, leaderWithHelper(), 'process.exit(0);');
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', worker], {
      cwd: projectDir,
      timeout: 30_000,
    });
    pids = pidsIn(stripVTControlCharacters(stdout));
    await expect.poll(() => pids.filter(alive), { timeout: 2_000 }).toEqual([]);
  } finally {
    killGroupIfAlive(pids[0]); // should the module have failed
    await rm(dir, { recursive: true, force: true });
  }
});

test(
  'this process killed outright (SIGKILL, ' +
    'no handler runs): the watchdog ends ' +
    'the group, SIGTERM then SIGKILL',
  async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'managed-process-'));
    let pids: number[] = [];
    try {
      const termFile = path.join(dir, 'sigterm');
      const worker = await workerScript(
        dir,
        leaderWithHelper({ ignoreTerm: true, termFile }),
        'setInterval(() => {}, 1000);',
      );
      const parent = spawn(process.execPath, ['--import', 'tsx', worker], {
        cwd: projectDir,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let stdout = '';
      // Colours stripped: the worker's environment may force them (FORCE_COLOR), numbers come out coloured.
      parent.stdout.on('data', (chunk) => (stdout += stripVTControlCharacters(String(chunk))));
      await expect.poll(() => stdout, { timeout: 20_000 }).toMatch(/PIDS \d+ \d+\n/);
      pids = pidsIn(stdout);
      for (const pid of pids) expect(alive(pid)).toBe(true);
      parent.kill('SIGKILL');
      await expect.poll(() => pids.filter(alive), { timeout: 5_000 }).toEqual([]);
      expect(readFileSync(termFile, 'utf8'), 'SIGTERM first, SIGKILL only after the grace period').toBe('SIGTERM');
    } finally {
      killGroupIfAlive(pids[0]); // should the watchdog have failed
      await rm(dir, { recursive: true, force: true });
    }
  },
);

test('untilReady: ready once the URL answers below 500, past refusals and 503s', async () => {
  const port = await freePort();
  // Refuses connections for 300 ms (a cold start), then answers 503 twice (still compiling), then 200.
  const server =
    'let hits = 0; setTimeout(() => require("http").createServer((q, s) => { hits++; ' +
    `s.statusCode = hits <= 2 ? 503 : 200; s.end(String(hits)); }).listen(${port}), 300)`;
  const watched = startProcess(node(server));
  try {
    const outcome = await untilReady(answersBelow500(`http://127.0.0.1:${port}/`), {
      timeoutMs: 10_000,
      process: watched,
    });
    expect(outcome).toEqual({ kind: 'ready' });
    expect(
      await (await fetch(`http://127.0.0.1:${port}/`)).text(),
      'two 503s polled past, the third answer was ready',
    ).toBe('4');
  } finally {
    await watched.stop();
  }
});

test('untilReady: ends as soon as the process exits, with how it ended', async () => {
  const watched = startProcess(node('console.error("cannot start"); process.exit(2)'));
  const started = Date.now();
  const outcome = await untilReady(() => false, { timeoutMs: 60_000, process: watched });
  expect(outcome).toEqual({ kind: 'exited', exit: { code: 2, signal: null } });
  expect(Date.now() - started, 'did not wait for the deadline').toBeLessThan(10_000);
  await watched.stop();
});

test('untilReady: times out with what the last completed look saw', async () => {
  let looks = 0;
  const outcome = await untilReady(
    ({ saw }) => {
      saw(`look ${++looks}`);
      return false;
    },
    { timeoutMs: 300 },
  );
  expect(outcome).toEqual({ kind: 'timeout', lastSeen: `look ${looks}` });
  expect(looks).toBeGreaterThan(1);
});

test('untilReady: a condition that throws ends the wait with its error', async () => {
  await expect(
    untilReady(() => Promise.reject(new Error('GET /up answered 500')), { timeoutMs: 10_000 }),
  ).rejects.toThrow('answered 500');
});

test('untilReady: a port accepting connections, and a line printed', async () => {
  const port = await freePort();
  const watched = startProcess(
    node(`require("net").createServer().listen(${port}, "127.0.0.1", () => console.log("listening on ${port}"))`),
  );
  try {
    expect(await untilReady(acceptsConnections(port), { timeoutMs: 10_000, process: watched })).toEqual({
      kind: 'ready',
    });
    expect(await untilReady(printed(watched, `listening on ${port}`), { timeoutMs: 10_000, process: watched })).toEqual(
      { kind: 'ready' },
    );
  } finally {
    await watched.stop();
  }
  const never = await untilReady(acceptsConnections(port), { timeoutMs: 200 });
  expect(never).toEqual({ kind: 'timeout', lastSeen: `nothing accepts connections on port ${port} yet` });
});

test('runProcess: runs a command to its end; what its command left running in the group goes too', async () => {
  const script =
    `const helper = ${helper()}; helper.stdout.once("data", () ` +
    '=> { console.log("PIDS", helper.pid); process.exit(0); })';
  const { exit, timedOut, process: finished } = await runProcess(node(script), { timeoutMs: 30_000 });
  expect(exit).toEqual({ code: 0, signal: null });
  expect(timedOut).toBe(false);
  const [helperPid] = pidsIn(finished.logTail());
  expect(alive(helperPid), 'the helper outlived its leader').toBe(false);
});

test('runProcess: stopped at its timeout, group and all', async () => {
  const { exit, timedOut, process: finished } = await runProcess(node(leaderWithHelper()), { timeoutMs: 1_000 });
  expect(timedOut).toBe(true);
  expect(exit.signal).toBe('SIGTERM');
  for (const pid of pidsIn(finished.logTail())) expect(alive(pid)).toBe(false);
});

test('a process that cannot be spawned ends at once with why, and leaves no exit handler', async () => {
  const listeners = process.listenerCount('exit');
  const watched = startProcess(node('1', { cwd: path.join(os.tmpdir(), 'no-such-folder-managed-process') }));
  expect(watched.pid).toBeUndefined();
  const exit = await watched.exited;
  expect(exit.error?.message).toContain('ENOENT');
  expect(describeExit(exit)).toMatch(/^could not be spawned: /);
  await watched.stop();
  expect(process.listenerCount('exit')).toBe(listeners);
});

test(
  'a program not on PATH is named; the start report names the command, the ' + 'cwd, the fix and its last lines',
  async () => {
    const watched = startProcess({
      label: 'the dev server',
      command: 'no-such-dev-server-xyz',
      args: ['--port', '1'],
      cwd: os.tmpdir(),
    });
    expect(await watched.exited).toEqual({ code: 127, signal: null });
    expect(missingProgram(watched)).toBe('no-such-dev-server-xyz');
    const report = startFailureReport(watched, 'The dev server did not start.', 'install it.');
    expect(report).toContain('The dev server did not start.');
    expect(report).toContain('  command: no-such-dev-server-xyz --port 1');
    expect(report).toContain(`  cwd:     ${os.tmpdir()}`);
    expect(report).toContain('Fix: install it.');
    expect(report).toMatch(/--- last 20 output lines ---\n.*no-such-dev-server-xyz: not found/);
    await watched.stop();
  },
);

test('missingProgram says nothing of a command that ran and failed', async () => {
  const watched = startProcess(node('process.exit(1)'));
  await watched.exited;
  expect(missingProgram(watched)).toBeUndefined();
  await watched.stop();
});
