import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { projectDir } from '../../../app-under-test/harness/paths.ts';
import { processLives, scratchDir, startProcess } from 'sanctum-spa-kit/driver';
import { waitFor } from '../support/wait-for.ts';

/**
 * Starts a native run, waits until a worker's PHP server is up, then kills
 * that worker and the runner with SIGKILL (no handler runs), as a crash or
 * the OOM killer would. Returns what they left; the caller then starts
 * another run and calls `whatRemains`.
 */
export async function killMidRun(): Promise<{ killedRunner: number; serverPids: number[]; leftAfterKill: string[] }> {
  const before = new Set(await workerFiles());
  const run = startProcess({
    label: 'npx playwright test',
    command: 'npx',
    args: ['playwright', 'test', '--project=chromium', '--reporter=dot'],
    cwd: projectDir,
    env: { ...process.env, KIT_BACKEND: 'native' },
  });
  const serverFile = await waitFor(
    async () => (await workerFiles()).find((file) => file.endsWith('.server-pid') && !before.has(file)),
    60_000,
    "a worker's PHP server pid file",
  );
  const worker = Number(serverFile.split('-')[0]);
  const runner = parentOf(await readFile(`/proc/${worker}/stat`, 'utf8'));
  process.kill(worker, 'SIGKILL');
  process.kill(runner, 'SIGKILL');
  await run.exited;
  const serverPids = await Promise.all(
    (await workerFiles())
      .filter((file) => file.endsWith('.server-pid') && !before.has(file))
      .map(async (file) => Number(await readFile(scratchDir('workers', file), 'utf8'))),
  );
  // The watchdog of each server (the kit's managed-process.ts) sees its worker's pipe close: give it a moment.
  await waitFor(
    async () => (serverPids.some(groupLives) ? undefined : true),
    5_000,
    "the killed workers' servers stopping",
  ).catch(() => undefined);
  const leftAfterKill = [
    ...serverPids.filter(groupLives).map((pid) => `php -S (process group ${pid}) still running`),
    ...(await workerFiles()).filter((file) => !before.has(file)).map((file) => `worker file ${file}`),
  ];
  // What is left of the run's own group (npx, the other workers): ended now that it is measured.
  await run.stop();
  return { killedRunner: runner, serverPids, leftAfterKill };
}

/** After the next run: the killed run's servers, worker files and output folder must all be gone. */
export async function whatRemains(killed: { killedRunner: number; serverPids: number[] }): Promise<string[]> {
  const left = killed.serverPids.filter(groupLives).map((pid) => `php -S (process group ${pid}) still running`);
  left.push(
    ...(await workerFiles())
      .filter((file) => !processLives(Number(file.split('-')[0])))
      .map((file) => `worker file ${file}`),
  );
  const outputs = await readdir(path.join(projectDir, 'test-results')).catch(() => [] as string[]);
  if (outputs.includes(`run-${killed.killedRunner}`)) left.push(`test-results/run-${killed.killedRunner}`);
  return left;
}

/** Whether any process of a server's group (its leader's pid is the group's id) still runs. */
function groupLives(groupId: number): boolean {
  try {
    process.kill(-groupId, 0);
    return true;
  } catch {
    return false;
  }
}

async function workerFiles(): Promise<string[]> {
  return readdir(scratchDir('workers')).catch(() => [] as string[]);
}

/** The parent pid from /proc/<pid>/stat (the field after the command's closing parenthesis). */
function parentOf(stat: string): number {
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}
