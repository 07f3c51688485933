import { copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { runProcess } from 'sanctum-spa-kit/driver';
import { runCacheDir } from '../../../app-under-test/harness/paths.ts';
import { reportTests, type ReportTest } from './report-tests.ts';

const scratch = path.join(runCacheDir, 'workflow-tests');

/** Playwright in the example, its JSON report written to a file of ours; the tests it holds. */
async function testsOfJsonRun(cwd: string, args: string[], name: string): Promise<ReportTest[]> {
  const jsonFile = path.join(scratch, `${name}.json`);
  await mkdir(scratch, { recursive: true });
  await rm(jsonFile, { force: true });
  const { exit, process } = await runProcess(
    {
      label: `npx playwright ${args[0]}`,
      command: 'npx',
      args: ['playwright', ...args],
      cwd,
      env: { ...globalThis.process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: jsonFile },
    },
    { timeoutMs: 120_000 },
  );
  if (exit.code !== 0)
    throw new Error(`npx playwright ${args.join(' ')} exited ${exit.code ?? exit.signal}:\n${process.logTail(20)}`);
  return reportTests(jsonFile);
}

/** The whole suite as `npx playwright test --list` sees it, without running it. */
export const listedTests = (exampleDir: string) =>
  testsOfJsonRun(exampleDir, ['test', '--list', '--reporter=json'], 'list');

/** The tests one blob report holds (what that shard ran): the zip alone in a folder, merged to JSON. */
export async function blobTests(exampleDir: string, zipFile: string): Promise<ReportTest[]> {
  const alone = path.join(scratch, path.basename(zipFile, '.zip'));
  await rm(alone, { recursive: true, force: true });
  await mkdir(alone, { recursive: true });
  await copyFile(zipFile, path.join(alone, path.basename(zipFile)));
  const tests = await testsOfJsonRun(exampleDir, ['merge-reports', '--reporter=json', alone], path.basename(alone));
  return tests.filter((test) => test.runs > 0);
}
