// npm run bench -- --only=signed-in: what a saved signed-in state saves. One run, one worker, the bundled app in
// laravel mode: 30 signed-in tests on the worker's state beside the same 30 signing in through the form each
// (scripts/bench/signed-in/reuse.bench.ts), each side's time the sum of its tests' (fixtures included); then the
// kit's signed-in spec repeated 5 times on 2 workers, for flakes. Bounded: two runs, each ended by its timeout.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { describeExit, runProcess } from 'sanctum-spa-kit/driver';
import { maskReporterPath } from 'sanctum-spa-kit/config';
import { projectDir } from '../../app-under-test/harness/paths.ts';
import type { Figures } from './measure.ts';

type Report = (label: string, runs: number, figures: Figures) => void;
const once = (seconds: number): Figures => ({ median: seconds, min: seconds, max: seconds });

const CONFIG = path.join(projectDir, 'scripts', 'bench', 'signed-in', 'playwright.config.ts');
const RUN_TIMEOUT_MS = 10 * 60_000;

interface JsonSuite {
  title: string;
  suites?: JsonSuite[];
  specs?: { tests: { results: { duration: number; status: string }[] }[] }[];
}

/** Each describe block's tests: their summed durations and statuses. */
function sides(suite: JsonSuite, into = new Map<string, { seconds: number; statuses: string[] }>()) {
  for (const spec of suite.specs ?? [])
    for (const result of spec.tests.flatMap((test) => test.results)) {
      const side = into.get(suite.title) ?? { seconds: 0, statuses: [] };
      side.seconds += result.duration / 1000;
      side.statuses.push(result.status);
      into.set(suite.title, side);
    }
  for (const child of suite.suites ?? []) sides(child, into);
  return into;
}

async function run(args: string[]): Promise<{ wall: number; report: { suites: JsonSuite[] } }> {
  const reportFile = path.join(projectDir, 'test-results', `bench-signed-in-${process.pid}.json`);
  const started = performance.now();
  const { exit, process: child } = await runProcess(
    {
      label: 'npx playwright test (signed-in bench)',
      command: 'npx',
      args: ['playwright', 'test', `--config=${CONFIG}`, `--reporter=${maskReporterPath},json`, ...args],
      cwd: projectDir,
      env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_FILE: reportFile },
    },
    { timeoutMs: RUN_TIMEOUT_MS },
  );
  const wall = (performance.now() - started) / 1000;
  const report = JSON.parse(await readFile(reportFile, 'utf8').catch(() => '{"suites":[]}')) as { suites: JsonSuite[] };
  await rm(reportFile, { force: true });
  if (exit.code !== 0 && report.suites.length === 0)
    throw new Error(`signed-in bench: ${args.join(' ')} failed (${describeExit(exit)}):\n${child.logTail(40)}`);
  return { wall, report };
}

export async function benchSignedIn(report: Report): Promise<void> {
  const reuse = await run(['--project=reuse', '--workers=1']);
  const bySide = new Map([...reuse.report.suites].flatMap((suite) => [...sides(suite)]));
  const reused = bySide.get('reused state');
  const perTest = bySide.get('sign-in per test');
  if (!reused || !perTest) throw new Error('signed-in bench: the report lacks one of its two sides');
  const failed = [...reused.statuses, ...perTest.statuses].filter((status) => status !== 'passed').length;
  report(
    "30 signed-in tests, the worker's saved state checked before each (sum of the tests)",
    1,
    once(reused.seconds),
  );
  report('30 signed-in tests, signing in through the form each (sum of the tests)', 1, once(perTest.seconds));
  console.log(
    `signed-in reuse: ${(perTest.seconds / reused.seconds).toFixed(1)}× faster than a sign-in per test ` +
      `(one run, ${reuse.wall.toFixed(0)} s wall, ${failed} failed)`,
  );
  const repeat = await run(['--project=repeat', '--repeat-each=5', '--workers=2']);
  const statuses = [...repeat.report.suites].flatMap((suite) =>
    [...sides(suite).values()].flatMap((side) => side.statuses),
  );
  const passed = statuses.filter((status) => status === 'passed').length;
  console.log(
    `signed-in spec, --repeat-each=5 on 2 workers: ${passed}/${statuses.length} passed in ${repeat.wall.toFixed(0)} s`,
  );
}
