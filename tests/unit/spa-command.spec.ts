import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { test, expect } from '@playwright/test';
import { freePort } from '../../fixtures/runtime/process/free-port.ts';
import { scratchDir } from '../../fixtures/runtime/process/scratch-dir.ts';
import { KitError } from '../../fixtures/core/errors/kit-error.ts';
import { SpaPortInUse, startSpaCommand, type SpaCommandOptions } from '../../fixtures/runtime/spa/spa-command.ts';
import { alive, killGroupIfAlive, pidsIn } from './support/test-processes.ts';

// Real processes only: every command below is a real `sh -c` running a real node script.

const API = 'http://localhost:41234';

/** `node -e <script>` with the script single-quoted for sh (placeholders inside are still filled). */
function nodeScript(script: string): string {
  return `node -e '${script.replaceAll("'", `'\\''`)}'`;
}

/** The server's child, like esbuild under Vite: a node process that idles until killed. */
const SPAWN_HELPER =
  'const helper = require("child_process").spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], ' +
  '{ stdio: "ignore" });';
/** The same child, ignoring SIGTERM. */
const SPAWN_STUBBORN_HELPER =
  'const helper = require("child_process").spawn(process.execPath, ' +
  '["-e", "process.on(\\"SIGTERM\\", () => {}); setInterval(() => {}, 1000)"], { stdio: "ignore" });';

async function options(command: string, extra: Partial<SpaCommandOptions> = {}): Promise<SpaCommandOptions> {
  return { command, cwd: os.tmpdir(), apiOrigin: API, host: 'localhost', port: await freePort(), ...extra };
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected startSpaCommand to fail, but it started');
}

test('starts the command with {port}/{api}/{origin} filled in and resolves once it answers below 500', async () => {
  // Refuses connections for 300 ms (cold start), then answers 503 twice (still compiling), then 200.
  const server = nodeScript(`
    let hits = 0;
    setTimeout(() => {
      require("http").createServer((req, res) => {
        hits++;
        res.statusCode = hits <= 2 ? 503 : 200;
        res.end(JSON.stringify({ x: process.env.X, y: process.env.Y, arg: process.argv[1], hits }));
      }).listen({port});
    }, 300);
  `);
  const opts = await options(`${server} {api}`, { env: { X: '{api}', Y: '{origin}' } });
  const exitHandlers = process.listenerCount('exit');
  const spa = await startSpaCommand(opts);
  expect(process.listenerCount('exit')).toBe(exitHandlers + 1);
  try {
    expect(spa.origin).toBe(`http://localhost:${opts.port}`);
    const body = await (await fetch(spa.origin)).json();
    expect(body.x).toBe(API);
    expect(body.y).toBe(spa.origin);
    expect(body.arg).toBe(API);
    expect(body.hits).toBe(4); // two 503s were polled past, the third answer made it ready, this is the fourth
  } finally {
    await spa.stop();
  }
  expect(process.listenerCount('exit')).toBe(exitHandlers);
  await expect(fetch(`http://localhost:${opts.port}`)).rejects.toThrow();
  await spa.stop(); // twice is fine
});

test('a command that exits before it is ready fails with its exit code and output, at once', async () => {
  const started = Date.now();
  const error = await rejection(
    startSpaCommand(
      await options(
        nodeScript(`console.log("compiling..."); console.error("boom: vite.config.ts is broken"); process.exit(3)`),
      ),
    ),
  );
  expect(error).toBeInstanceOf(KitError);
  expect(error).not.toBeInstanceOf(SpaPortInUse);
  expect(error.message).toContain('exit code 3');
  expect(error.message).toContain('boom: vite.config.ts is broken');
  expect(error.message).toContain('compiling...');
  expect(error.message).toContain('node -e');
  expect(error.stack).toBe(error.message);
  expect(Date.now() - started).toBeLessThan(10_000); // did not wait for the 60 s timeout
});

test('a dev server refusing a build folder another holds is reported as a shared build folder', async () => {
  // As Next 16 prints it (build/lockfile.js), colours included, before it exits 1.
  const nextLock = '\\u001b[31m⨯\\u001b[39m Another \\u001b[36mnext dev\\u001b[39m server is already running.';
  const error = await rejection(
    startSpaCommand(await options(nodeScript(`console.error("${nextLock}"); process.exit(1)`))),
  );
  expect(error.message).toContain('It found its build folder locked by another dev server');
  expect(error.message).toContain('Another next dev server is already running.');
  expect(error.message).toContain('{worker} or {scratch}');
});

test('a missing program is named', async () => {
  const error = await rejection(startSpaCommand(await options('no-such-dev-server-xyz --port {port}')));
  expect(error).toBeInstanceOf(KitError);
  expect(error.message).toContain('exit code 127');
  expect(error.message).toContain('"no-such-dev-server-xyz" was not found');
});

test('a port that is already taken fails with SpaPortInUse', async () => {
  // Accepts the kit's readiness probe but never answers; its connections are dropped at the end so close() returns.
  const sockets = new Set<net.Socket>();
  const blocker = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    blocker.once('error', reject);
    blocker.listen(0, resolve);
  });
  const { port } = blocker.address() as net.AddressInfo;
  try {
    const server = nodeScript(`require("http").createServer((q, s) => s.end("x")).listen({port})`);
    const error = await rejection(startSpaCommand(await options(server, { port })));
    expect(error).toBeInstanceOf(SpaPortInUse);
    expect(error).toBeInstanceOf(KitError);
    expect((error as SpaPortInUse).port).toBe(port);
    expect(error.message).toContain(`port ${port} is already in use`);
    expect(error.message).toContain('EADDRINUSE');
  } finally {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => blocker.close(resolve));
  }
});

test('Vite without --strictPort moving to another port is stopped and reported as SpaPortInUse', async () => {
  // What Vite prints before it serves on port+1; the origin the kit polls would then be someone else's server.
  const script = nodeScript(`console.log("Port {port} is in use, trying another one..."); setInterval(() => {}, 1000)`);
  const error = await rejection(startSpaCommand(await options(script)));
  expect(error).toBeInstanceOf(SpaPortInUse);
  expect(error.message).toContain('moved to another port');
  expect(error.message).toContain('--strictPort');
});

test('a server that never listens times out with a report naming the timeout, and is killed', async () => {
  const script = nodeScript(`console.log("PIDS", process.pid); setInterval(() => {}, 1000)`);
  const opts = await options(`${script}; echo unreachable`, { timeoutMs: 1500 });
  const started = Date.now();
  const error = await rejection(startSpaCommand(opts));
  expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
  expect(Date.now() - started).toBeLessThan(10_000);
  expect(error).toBeInstanceOf(KitError);
  expect(error.message).toContain('within 1500 ms');
  expect(error.message).toContain('KIT_READY_TIMEOUT_MS');
  expect(error.message).toContain(`http://localhost:${opts.port}`);
  expect(error.message).toContain('connection refused');
  const [pid] = pidsIn(error.message);
  expect(alive(pid)).toBe(false);
});

test('stop() ends the whole process group: the shell, the server and the server’s own child', async () => {
  // sh stays the parent (the node command is not its last one), node spawns a helper like esbuild.
  const server = nodeScript(`
    ${SPAWN_HELPER}
    console.log("PIDS", process.ppid, process.pid, helper.pid);
    require("http").createServer((q, s) => s.end("ok")).listen({port});
  `);
  const spa = await startSpaCommand(await options(`${server}; echo after`));
  const pids = pidsIn(spa.logTail());
  expect(pids).toHaveLength(3);
  for (const pid of pids) expect(alive(pid)).toBe(true);
  await spa.stop();
  for (const pid of pids) expect(alive(pid), `pid ${pid} survived stop()`).toBe(false);
});

test('stop() falls back to SIGKILL when the tree ignores SIGTERM', async () => {
  const server = nodeScript(`
    process.on("SIGTERM", () => console.log("ignoring SIGTERM"));
    ${SPAWN_STUBBORN_HELPER}
    console.log("PIDS", process.ppid, process.pid, helper.pid);
    require("http").createServer((q, s) => s.end("ok")).listen({port});
  `);
  const spa = await startSpaCommand(await options(`${server}; echo after`));
  const pids = pidsIn(spa.logTail());
  await spa.stop();
  for (const pid of pids) expect(alive(pid), `pid ${pid} survived stop()`).toBe(false);
});

test('a worker that exits without stop() takes the group with it', async () => {
  // A real worker stand-in: a node process that starts a server through the kit, then exits.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'spa-command-'));
  let pids: number[] = [];
  try {
    const worker = path.join(dir, 'worker.mts');
    const server = nodeScript(`
      ${SPAWN_HELPER}
      console.log("PIDS", process.ppid, process.pid, helper.pid);
      require("http").createServer((q, s) => s.end("ok")).listen({port});
    `);
    await writeFile(
      worker,
      [
        'import { startSpaCommand } from ' +
          `${JSON.stringify(fileURLToPath(new URL('../../fixtures/runtime/spa/spa-command.ts', import.meta.url)))};`,
        `const spa = await startSpaCommand(${JSON.stringify(await options(`${server}; echo after`))});`,
        `console.log(spa.logTail());`,
        `process.exit(0);`,
      ].join('\n'),
    );
    const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
    const { stdout } = await promisify(execFile)(tsx, [worker], { timeout: 30_000 });
    pids = pidsIn(stdout);
    expect(pids).toHaveLength(3);
    // SIGKILL is sent synchronously in the exit handler; the kernel delivers it at once, but give it a moment.
    await expect.poll(() => pids.filter(alive), { timeout: 2_000 }).toEqual([]);
  } finally {
    killGroupIfAlive(pids[0]); // should the handler have failed
    await rm(dir, { recursive: true, force: true });
  }
});

test('{scratch} is an empty folder of the server’s own, gone after stop(); {worker}: the worker’s index', async () => {
  // The server reports what it got, and writes into its scratch folder as a build would.
  const server = nodeScript(`
    const fs = require("fs");
    const dir = process.env.BUILD_DIR;
    const empty = fs.readdirSync(dir).length === 0;
    fs.writeFileSync(dir + "/build-state", "compiled");
    const answer = JSON.stringify({ dir, empty, worker: process.env.WORKER });
    require("http").createServer((q, s) => s.end(answer)).listen({port});
  `);
  const opts = await options(server, { env: { BUILD_DIR: '{scratch}', WORKER: 'w{worker}' }, workerName: '3' });
  const spa = await startSpaCommand(opts);
  let dir: string | undefined;
  try {
    const answer = (await (await fetch(spa.origin)).json()) as { dir: string; empty: boolean; worker: string };
    dir = answer.dir;
    expect(path.isAbsolute(dir) && answer.empty).toBe(true);
    expect(dir.startsWith(scratchDir('spa'))).toBe(true);
    expect(answer.worker).toBe('w3');
    expect(await readdir(dir)).toEqual(['build-state']);
  } finally {
    await spa.stop();
  }
  await expect(stat(dir)).rejects.toThrow('ENOENT');
});

test('a {scratch} folder is removed when its server fails to start too', async () => {
  const script = nodeScript(`console.log("SCRATCH", process.env.BUILD_DIR); process.exit(2)`);
  const error = await rejection(startSpaCommand(await options(script, { env: { BUILD_DIR: '{scratch}' } })));
  const dir = /SCRATCH (\S+)/.exec(error.message)?.[1];
  expect(dir, 'the failure report shows the output naming the folder').toBeTruthy();
  await expect(stat(dir!)).rejects.toThrow('ENOENT');
});
