import { readFile } from 'node:fs/promises';

interface JsonSuite {
  specs?: { title: string; tests: { projectName: string; status: string }[] }[];
  suites?: JsonSuite[];
}

/** The tests a run failed, from Playwright's JSON report: "project › title" each, sorted. */
export async function failedTestsOf(jsonFile: string): Promise<string[]> {
  const report = JSON.parse(await readFile(jsonFile, 'utf8')) as { suites: JsonSuite[] };
  const failed = (suite: JsonSuite): string[] => [
    ...(suite.specs ?? []).flatMap((spec) =>
      spec.tests.filter((test) => test.status === 'unexpected').map((test) => `${test.projectName} › ${spec.title}`),
    ),
    ...(suite.suites ?? []).flatMap(failed),
  ];
  return report.suites.flatMap(failed).sort();
}
