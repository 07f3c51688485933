import { maskReporterPath } from 'sanctum-spa-kit/config';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { runProcess } from 'sanctum-spa-kit/driver';
import { projectDir, runCacheDir } from '../../../app-under-test/harness/paths.ts';

/** One `npx playwright test` of a pass: its name, the variables and arguments it adds, and where it runs. */
export interface PlaywrightRun {
  name: string;
  env: Record<string, string>;
  args: string[];
  /** The kit's checkout unless set (a consumer's directory). */
  cwd?: string;
}

/** What a pass counts: passed and failed checks, and Playwright's JSON report when it ran Playwright. */
export interface PassResult {
  name: string;
  passed: number;
  failed: number;
  /** Playwright's JSON report of the run ('' for a pass that is not one run). */
  jsonFile: string;
}

const slug = (name: string) => name.replace(/\W+/g, '-');

/** Where each run's HTML report goes: playwright-report/<run>. */
export const reportDirOf = (name: string) => path.join(projectDir, 'playwright-report', slug(name));

/** Runs `npx playwright test` shown on the terminal; counts from its JSON report (a run without one failed). */
export async function runPlaywright(run: PlaywrightRun): Promise<PassResult> {
  const jsonFile = path.join(runCacheDir, 'e2e', `${slug(run.name)}.json`);
  await rm(jsonFile, { force: true });
  const variables = Object.entries(run.env)
    .map(([key, value]) => `${key}=${value}`)
    .join(' ');
  const where = run.cwd ? `(in ${run.cwd}) ` : '';
  console.log(`\n=== "${run.name}": ${where}npx playwright test ${run.args.join(' ')} ${variables}`);
  const env = {
    ...process.env,
    ...run.env,
    PLAYWRIGHT_JSON_OUTPUT_NAME: jsonFile,
    PLAYWRIGHT_HTML_OUTPUT_DIR: reportDirOf(run.name),
  };
  // The kit's masking reporter first, as the config would have it: --reporter replaces the config's reporters.
  const args = ['playwright', 'test', `--reporter=${maskReporterPath},list,json,html`, ...run.args];
  const cwd = run.cwd ?? projectDir;
  const { exit } = await runProcess({
    label: 'npx playwright test',
    command: 'npx',
    args,
    cwd,
    env,
    output: 'terminal',
  });
  const code = exit.code ?? 1;
  const stats = await readFile(jsonFile, 'utf8').then(
    (text) => JSON.parse(text).stats,
    () => undefined,
  );
  if (!stats) return { name: run.name, passed: 0, failed: Math.max(code, 1), jsonFile };
  const exitedRedWithoutFailure = code !== 0 && stats.unexpected === 0 ? 1 : 0;
  return {
    name: run.name,
    passed: stats.expected,
    failed: stats.unexpected + stats.flaky + exitedRedWithoutFailure,
    jsonFile,
  };
}

/** A command that must succeed, shown on the terminal. */
export async function runCommand(command: string, args: string[], cwd: string): Promise<void> {
  const { exit } = await runProcess({ label: command, command, args, cwd, output: 'terminal' });
  if (exit.code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${exit.code ?? exit.signal} in ${cwd}`);
}
