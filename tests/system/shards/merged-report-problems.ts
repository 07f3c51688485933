import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { BlobReport } from './blob-report.ts';
import type { MergedReport, ReportTest } from './merged-report.ts';

/** What the merge of a sharded run with one shard broken must show. */
export interface ShardedRunExpectations {
  blobs: BlobReport[];
  /** The broken shard's blob (none when it is missing): every failure must be one of its tests. */
  brokenBlob?: BlobReport;
  /** The project whose tests open a browser: each carries the page's traffic and a HAR. */
  browserProject: string;
  /** The break's diagnosis, which the merged headline must name. */
  diagnosisId: string;
  /** What `npx playwright merge-reports` printed. */
  mergeOutput: string;
}

/** The sequence diagram every test of the kit attaches, its traffic or not. */
const DIAGRAM = 'traffic-diagram.html';
/** What a test that opened a browser keeps of its traffic: the page's (json and txt), Playwright's HAR, or both. */
const BROWSER_TRAFFIC = ['traffic.json', 'traffic.har'];

/**
 * Everything wrong with the merged HTML report of the shards: a test or an attachment a shard
 * recorded and the merge lost, a file the report names but its data/ lacks, a test without its
 * sequence diagram or traffic files, a failed test without its trace, a failure the break does
 * not explain, a headline that does not count and name the failures of every shard.
 */
export async function mergedReportProblems(report: MergedReport, run: ShardedRunExpectations): Promise<string[]> {
  const problems: string[] = [];
  const byId = new Map(report.tests.map((test) => [test.testId, test]));
  for (const blob of run.blobs) {
    const name = path.basename(blob.file);
    if (blob.attachmentsByTest.size === 0) problems.push(`${name}: no test in this shard's blob report`);
    if (blob.lostFiles.length > 0)
      problems.push(
        `${name}: files its shard attached are not in it (its output folder emptied?): ${blob.lostFiles.join(', ')}`,
      );
    for (const [testId, names] of blob.attachmentsByTest) {
      const merged = byId.get(testId);
      if (!merged) {
        problems.push(`${name}: test ${testId} is not in the merged report`);
        continue;
      }
      const lost = names.filter((attachment) => !merged.attachments.some((kept) => kept.name === attachment));
      if (lost.length > 0) problems.push(`${merged.label}: lost in the merge: ${lost.join(', ')}`);
    }
  }
  const recorded = run.blobs.reduce((sum, blob) => sum + blob.attachmentsByTest.size, 0);
  if (report.tests.length !== recorded)
    problems.push(`the merged report has ${report.tests.length} tests, the shards' blobs ${recorded}`);
  for (const test of report.tests) problems.push(...(await testProblems(report, test, run)));
  return [...problems, ...headlineProblems(report, run)];
}

async function testProblems(report: MergedReport, test: ReportTest, run: ShardedRunExpectations): Promise<string[]> {
  const problems: string[] = [];
  // A test that did not run (after a failure in a serial group) has nothing to keep.
  if (test.outcome === 'skipped') return problems;
  const names = test.attachments.map(({ name }) => name);
  const missing = (wanted: string[]) => wanted.filter((name) => !names.includes(name));
  if (test.projectName === run.browserProject && missing(BROWSER_TRAFFIC).length === BROWSER_TRAFFIC.length)
    problems.push(`${test.label}: no browser traffic (${BROWSER_TRAFFIC.join(' nor ')})`);
  // Traffic comes in pairs: <name>.json for tools, <name>.txt for people (the page's, the request contexts').
  const pairs = names.flatMap((name) => {
    if (name.endsWith('traffic.json')) return [name.replace(/json$/, 'txt')];
    return name.endsWith('traffic.txt') ? [name.replace(/txt$/, 'json')] : [];
  });
  const failed = test.outcome === 'unexpected';
  const absent = missing([DIAGRAM, ...pairs, ...(failed ? ['trace'] : [])]);
  if (absent.length > 0) problems.push(`${test.label}: no ${[...new Set(absent)].join(', ')}`);
  for (const attachment of test.attachments) {
    if (attachment.path === undefined) {
      if (!attachment.body) problems.push(`${test.label}: ${attachment.name} is empty`);
      continue;
    }
    const size = await stat(path.join(report.dir, attachment.path)).then(
      (file) => file.size,
      () => undefined,
    );
    if (!size) problems.push(`${test.label}: ${attachment.name} names ${attachment.path}, missing or empty`);
  }
  if (failed && !run.brokenBlob?.attachmentsByTest.has(test.testId))
    problems.push(`${test.label}: failed in the shard without the break`);
  return problems;
}

/** The merge's headline (the kit's reporter) must count every failure and name the break's diagnosis for each. */
function headlineProblems(report: MergedReport, run: ShardedRunExpectations): string[] {
  const failed = report.tests.filter((test) => test.outcome === 'unexpected');
  if (failed.length === 0) return ['the merged report has no failed test: the break was not applied'];
  const count = `sanctum-spa-kit: ${failed.length} test(s) failed`;
  if (!run.mergeOutput.includes('sanctum-spa-kit: '))
    return ["the merge printed no headline (the kit's reporter did not run)"];
  const problems: string[] = [];
  if (!run.mergeOutput.includes(count)) problems.push(`the merge's headline does not count "${count}"`);
  if (!run.mergeOutput.includes(`Diagnosis [${run.diagnosisId}]`))
    problems.push(`the merge's headline does not name the break's diagnosis [${run.diagnosisId}]`);
  const listed = run.mergeOutput.split('\n').filter((line) => line.trimStart().startsWith('✗'));
  for (const test of failed)
    if (!listed.some((line) => line.includes(test.title) && line.endsWith(`: ${run.diagnosisId}`)))
      problems.push(`the merge's headline does not list "${test.label}" with ${run.diagnosisId}`);
  return problems;
}
