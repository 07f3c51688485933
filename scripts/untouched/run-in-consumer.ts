import { spawn } from 'node:child_process';

export interface ConsumerRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** The last lines it printed, for a report when a case goes wrong. */
  outputTail: string;
}

/** Bounded: a run that hangs is ended whole, never left running. */
const RUN_TIMEOUT_MS = 6 * 60_000;

/**
 * A command as a team runs it from its consumer project (npx playwright
 * test, npx sanctum-spa-kit …), in a process group of its own, like a
 * terminal's foreground job: `during` gets the group's id to signal it
 * (Ctrl-C is SIGINT to the whole group).
 */
export function runInConsumer(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; during?: (groupId: number) => Promise<void> }): Promise<ConsumerRun> {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-6000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const endGroup = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Gone already.
    }
  };
  const timer = setTimeout(endGroup, RUN_TIMEOUT_MS);
  process.once('exit', endGroup);
  const closed = new Promise<ConsumerRun>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (exitCode, signal) => resolve({ exitCode, signal, outputTail: output.trim().split('\n').slice(-12).join('\n') }));
  });
  const during = options.during ? new Promise<void>((resolve) => child.once('spawn', resolve)).then(() => options.during!(child.pid!)) : Promise.resolve();
  return Promise.all([closed, during]).then(([result]) => result).finally(() => {
    clearTimeout(timer);
    process.off('exit', endGroup);
  });
}
