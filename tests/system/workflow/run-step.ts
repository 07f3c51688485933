import path from 'node:path';
import { runProcess } from 'sanctum-spa-kit/driver';

/** A step's shell lines run as an Ubuntu runner runs a `run:` step (bash -e), in a checkout of the repository. */
export interface StepRun {
  label: string;
  script: string;
  /** The repository's root here (the example consumer's folder). */
  repositoryDir: string;
  workingDirectory: string;
  env: Record<string, string>;
  timeoutMs: number;
}

export interface StepOutcome {
  exitCode: number | null;
  timedOut: boolean;
  ms: number;
  /** The last lines it printed, shown when it failed. */
  outputTail: string;
}

/**
 * This machine's variables with CI=true, as a hosted runner sets it (Playwright's forbidOnly), and the step's own;
 * the harness's report locations are dropped so that every reporter writes where the workflow expects it.
 */
function runnerEnv(stepEnv: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true', ...stepEnv };
  for (const key of Object.keys(env)) if (/^PLAYWRIGHT_(HTML|JSON|BLOB)_/.test(key)) delete env[key];
  return env;
}

export async function runStep(run: StepRun): Promise<StepOutcome> {
  const started = Date.now();
  const { exit, timedOut, process } = await runProcess(
    {
      label: run.label,
      command: 'bash',
      args: ['-e', '-c', run.script],
      cwd: path.join(run.repositoryDir, run.workingDirectory),
      env: runnerEnv(run.env),
      tailLines: 400,
    },
    { timeoutMs: run.timeoutMs },
  );
  return { exitCode: exit.code, timedOut, ms: Date.now() - started, outputTail: process.logTail(40) };
}
