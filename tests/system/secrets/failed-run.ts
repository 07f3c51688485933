import path from 'node:path';
import { runProcess } from 'sanctum-spa-kit/driver';
import { projectDir } from '../../../app-under-test/harness/paths.ts';
import { reportDirOf } from '../support/playwright-pass.ts';

/** One run meant to fail: its name, the variables that break it, the arguments it adds, where it runs. */
export interface FailedRunSpec {
  name: string;
  env: Record<string, string>;
  args: string[];
  /** A consumer's directory (its config's test-results/, its playwright-report/); the kit's checkout unless set. */
  cwd?: string;
}

/** What a failed run left: the folders it wrote, and whether it failed as meant. */
export interface FailedRun {
  name: string;
  /** Its test results folder, then its HTML report. */
  artefacts: [string, string];
  /** Playwright's exit code: 1 when tests failed, as meant. */
  exitCode: number;
}

/**
 * `npx playwright test` as a user runs it: the config's own reporters (no
 * --reporter unless the spec's arguments add one), shown on the terminal. In
 * the kit's checkout its own output folder (test-results/run-<name>, which the
 * harness's cleanup of finished runs leaves alone) and HTML report
 * (playwright-report/<name>); in a consumer, the consumer's.
 */
export async function runMeantToFail(spec: FailedRunSpec): Promise<FailedRun> {
  const runId = spec.name.replace(/\W+/g, '-');
  const artefacts: [string, string] = spec.cwd
    ? [path.join(spec.cwd, 'test-results'), path.join(spec.cwd, 'playwright-report')]
    : [path.join(projectDir, 'test-results', `run-${runId}`), reportDirOf(spec.name)];
  const env = { ...spec.env, KIT_RUN_ID: runId, PLAYWRIGHT_HTML_OUTPUT_DIR: artefacts[1] };
  const variables = Object.entries(spec.env)
    .map(([key, value]) => `${key}=${value}`)
    .join(' ');
  const where = spec.cwd ? `(in ${spec.cwd}) ` : '';
  console.log(`\n=== "${spec.name}" (meant to fail): ${where}npx playwright test ${spec.args.join(' ')} ${variables}`);
  const { exit } = await runProcess({
    label: 'npx playwright test',
    command: 'npx',
    args: ['playwright', 'test', ...spec.args],
    cwd: spec.cwd ?? projectDir,
    env: { ...process.env, ...env },
    output: 'terminal',
  });
  return { name: spec.name, artefacts, exitCode: exit.code ?? 1 };
}
