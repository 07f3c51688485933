import { copyFile, mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { projectDir, runCacheDir } from '../../../app-under-test/harness/paths.ts';
import { findSecrets } from '../consumer/secrets-scan.ts';
import { readBlobReport, type BlobReport } from '../shards/blob-report.ts';
import { failedTestsOf } from '../shards/json-report-failures.ts';
import { readMergedReport, type MergedReport } from '../shards/merged-report.ts';
import { mergedReportProblems } from '../shards/merged-report-problems.ts';
import { mergeReports, runShard, SHARDED_PROJECTS, testsOfProjectInShard } from '../shards/shard-commands.ts';
import { reportDirOf, runPlaywright, type PassResult } from '../support/playwright-pass.ts';

const SHARDS = ['1/2', '2/2'];
const BROWSER_PROJECT = 'chromium';
/** The breaks catalogue's spa-xsrf-header-dropped: the SPA sends no X-XSRF-TOKEN, so the flows' logins answer 419. */
const BREAK = { SANCTUM_KIT_SPA_MUTATION: 'xsrf-header-dropped' };
const BREAK_DIAGNOSIS = 'xsrf-header-missing';
/** `sanctum-spa-kit/reporter` by its source: in this checkout dist/ exists only once npm pack has built it. */
const KIT_REPORTER = './fixtures/public/reporter.ts';
/** Where a CI's merge job downloads every shard's blob report. */
const BLOB_DIR = path.join(runCacheDir, 'e2e', 'shard-blobs');

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * The kit's wire and flow specs in two shards run at once on this machine with the same
 * command (the shard holding the flows with a break of the SPA), their blob reports merged
 * into one HTML report by `npx playwright merge-reports --reporter=html,<the kit's reporter>`.
 * Checked: neither shard destroyed the other's output, every test of both keeps its traffic
 * files, sequence diagram and (failed) trace in the merged report, none holds a whole cookie
 * value, and the merge's headline counts the failures and names the break for each. Then the
 * same projects with the same break unsharded: the same failures, and its wall time beside the shards'.
 */
export async function shardsPass(): Promise<PassResult[]> {
  const flowsShard = await shardHoldingFlows();
  const blobFiles = SHARDS.map((_, index) => path.join(projectDir, 'blob-report', `report-${index + 1}.zip`));
  await Promise.all(blobFiles.map((file) => rm(file, { force: true })));
  const started = Date.now();
  const problems: string[] = [];
  const timings = await Promise.all(
    SHARDS.map(async (shard) => {
      const broken = shard === flowsShard;
      const exit = await runShard(shard, broken ? BREAK : {});
      // The shard with the break must fail, the other pass.
      if (exit.code !== (broken ? 1 : 0))
        problems.push(`shard ${shard} exited ${exit.code ?? exit.signal}, expected ${broken ? 1 : 0}`);
      return `shard ${shard}${broken ? ' (broken)' : ''} ${seconds(Date.now() - started)}`;
    }),
  );
  const blobs = await collectBlobs(blobFiles, started, problems);
  const htmlDir = reportDirOf('shards merged');
  let report: MergedReport | undefined;
  try {
    const mergeOutput = await mergeReports(`html,${KIT_REPORTER}`, BLOB_DIR, htmlDir);
    console.log(`\nshards: 2 shards at once + merge: ${seconds(Date.now() - started)} (${timings.join(', ')})`);
    report = await readMergedReport(htmlDir);
    const brokenBlob = blobs.find(({ file }) => file === blobFiles[SHARDS.indexOf(flowsShard)]);
    const run = { blobs, brokenBlob, browserProject: BROWSER_PROJECT, diagnosisId: BREAK_DIAGNOSIS, mergeOutput };
    problems.push(...(await mergedReportProblems(report, run)));
    const leaks = await findSecrets([htmlDir], []);
    problems.push(...leaks.map((leak) => `the merged report holds ${leak} (the masking reporter did not run first?)`));
  } catch (error) {
    problems.push((error as Error).message);
  }
  if (report) problems.push(...(await unshardedProblems(report)));
  for (const problem of problems) console.log(`shards ✗ ${problem}`);
  if (problems.length === 0)
    console.log(`shards ✓ ${htmlDir} keeps every test's traffic, diagram and trace; the headline names every failure`);
  return [
    {
      name: '2 shards at once, merged and checked',
      passed: report?.tests.length ?? 0,
      failed: problems.length,
      jsonFile: '',
    },
  ];
}

/** The shard holding the browser flows, which the SPA's break fails (found with --list, which starts nothing). */
async function shardHoldingFlows(): Promise<string> {
  for (const shard of SHARDS) if ((await testsOfProjectInShard(shard, BROWSER_PROJECT)) > 0) return shard;
  throw new Error(`no shard of ${SHARDED_PROJECTS.join(' ')} holds a ${BROWSER_PROJECT} test`);
}

/** Each shard's blob report, written by this run, copied into one folder as a CI's merge job downloads them. */
async function collectBlobs(blobFiles: string[], started: number, problems: string[]): Promise<BlobReport[]> {
  await rm(BLOB_DIR, { recursive: true, force: true });
  await mkdir(BLOB_DIR, { recursive: true });
  const blobs: BlobReport[] = [];
  for (const file of blobFiles) {
    const written = await stat(file).then(
      (info) => info.mtimeMs >= started,
      () => false,
    );
    if (!written) {
      problems.push(`${path.relative(projectDir, file)}: not written by this run (the other shard removed it?)`);
      continue;
    }
    await copyFile(file, path.join(BLOB_DIR, path.basename(file)));
    blobs.push(await readBlobReport(file));
  }
  return blobs;
}

/** The same projects and break in one run: the tests it fails must be the merged report's; its wall time is printed. */
async function unshardedProblems(merged: MergedReport): Promise<string[]> {
  const started = Date.now();
  const unsharded = await runPlaywright({
    name: 'shards: one unsharded run, the same break',
    env: { KIT_BACKEND: 'native', ...BREAK },
    args: SHARDED_PROJECTS,
  });
  console.log(`shards: one unsharded run, the config's workers, the same break: ${seconds(Date.now() - started)}`);
  const once = await failedTestsOf(unsharded.jsonFile).catch(() => undefined);
  if (!once) return ['the unsharded run wrote no JSON report'];
  const sharded = merged.tests
    .filter(({ outcome }) => outcome === 'unexpected')
    .map((test) => `${test.projectName} › ${test.title}`)
    .sort();
  if (JSON.stringify(once) === JSON.stringify(sharded)) return [];
  const list = (tests: string[]) => tests.map((test) => `\n    ${test}`).join('');
  return [`the shards failed other tests than one run does: shards${list(sharded)}\n  one run${list(once)}`];
}
