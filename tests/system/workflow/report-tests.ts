import { readFile } from 'node:fs/promises';

/** The parts of Playwright's JSON report read here: suites of specs, each spec's tests per project. */
interface JsonSuite {
  title: string;
  specs?: { title: string; tests: { projectName: string; results: { status: string }[] }[] }[];
  suites?: JsonSuite[];
}

/** One test of a JSON report, named as `--list` prints it: project › file › describe › title. */
export interface ReportTest {
  id: string;
  /** How many times it ran (0 in a `--list` report). */
  runs: number;
  passed: boolean;
}

/** Every test a Playwright JSON report holds (PLAYWRIGHT_JSON_OUTPUT_NAME of `--reporter=json`). */
export async function reportTests(jsonFile: string): Promise<ReportTest[]> {
  const report = JSON.parse(await readFile(jsonFile, 'utf8')) as { suites?: JsonSuite[] };
  const found: ReportTest[] = [];
  const walk = (suite: JsonSuite, titles: string[]) => {
    const path = [...titles, suite.title];
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests)
        found.push({
          id: [test.projectName, ...path, spec.title].filter(Boolean).join(' › '),
          runs: test.results.length,
          passed: test.results.length > 0 && test.results.every((result) => result.status === 'passed'),
        });
    for (const child of suite.suites ?? []) walk(child, path);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  return found;
}
