import { finish, startProcess, type ManagedProcess } from 'sanctum-spa-kit/driver';

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
 * test, npx sanctum-spa-kit …), a managed process: a process group of its own,
 * like a terminal's foreground job; `during` gets it to signal the group
 * (Ctrl-C is SIGINT to the whole group).
 */
export async function runInConsumer(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; during?: (run: ManagedProcess) => Promise<void> },
): Promise<ConsumerRun> {
  const run = startProcess({
    label: `${command} ${args[0] ?? ''}`.trim(),
    command,
    args,
    cwd: options.cwd,
    env: options.env,
  });
  const [{ exit }] = await Promise.all([finish(run, { timeoutMs: RUN_TIMEOUT_MS }), options.during?.(run)]);
  if (exit.error) throw exit.error;
  return { exitCode: exit.code, signal: exit.signal, outputTail: run.logTail(12) };
}
