import { access, rm } from 'node:fs/promises';
import path from 'node:path';
import { packKit } from '../consumer/pack-kit.ts';
import { installExample, nextjsExampleDir } from '../support/example-consumer.ts';
import type { PassResult } from '../support/playwright-pass.ts';
import { downloadArtifacts, emptyArtifactStore } from '../workflow/artifacts.ts';
import { runStep } from '../workflow/run-step.ts';
import { runShardsAtOnce, seconds, type ShardOutcome } from '../workflow/shards-at-once.ts';
import { blobTests, listedTests } from '../workflow/suite-tests.ts';
import { workflowShortName, WorkflowShapeError } from '../workflow/workflow-file.ts';
import { workflowPlan, type WorkflowPlan } from '../workflow/workflow-plan.ts';

// Next's telemetry would try the network on every dev server start; the machine's setting, not the workflow's.
const MACHINE_ENV = { NEXT_TELEMETRY_DISABLED: '1' };
const result = (name: string, ok: boolean): PassResult => ({
  name,
  passed: ok ? 1 : 0,
  failed: ok ? 0 : 1,
  jsonFile: '',
});

/**
 * The CI workflow a team copies (docs/ci/github-actions.yml), so that it cannot rot: its shard command and its merge
 * command taken from the file word for word and run in examples/nextjs (laravel mode), the N shards at once as N
 * runners would (on one machine), each shard's blob report "uploaded" and all "downloaded" into one folder as the
 * artifact actions do, then merged. The setup steps (PHP, Composer, Node, Chromium) are checked for, not run.
 */
export async function workflowPass(): Promise<PassResult[]> {
  console.log(`\n=== "workflow": ${workflowShortName}'s commands, run in examples/nextjs`);
  let plan: WorkflowPlan;
  try {
    plan = await workflowPlan();
  } catch (error) {
    if (!(error instanceof WorkflowShapeError)) throw error;
    console.log(`  ✗ ${error.message}`);
    return [result(`${workflowShortName}: the shard and merge jobs as the kit runs them`, false)];
  }
  const setup = plan.setupSteps;
  for (const step of setup)
    console.log(`  ${step.present ? '✓' : '✗'} ${step.what}, in job ${step.jobs}: checked for, not run here`);
  const setupResult = {
    name: `${workflowShortName}: setup steps present (not run here)`,
    passed: setup.filter((step) => step.present).length,
    failed: setup.filter((step) => !step.present).length,
    jsonFile: '',
  };

  await packKit();
  await installExample(nextjsExampleDir);
  const repositoryDir = nextjsExampleDir;
  const leftovers = [...plan.shards.map((shard) => shard.uploadPath), plan.downloadPath, 'playwright-report'];
  for (const folder of leftovers) await rm(path.join(repositoryDir, folder), { recursive: true, force: true });
  await emptyArtifactStore();

  const listed = await listedTests(repositoryDir);
  console.log(`  --list: ${listed.length} tests; now ${plan.shards.length} shards at once`);
  const { outcomes, ms: shardsMs } = await runShardsAtOnce(plan.shards, repositoryDir, MACHINE_ENV);
  const uploaded = outcomes.filter((outcome) => outcome.uploaded).map((outcome) => outcome.shard.artifactName);
  const zips = await downloadArtifacts(uploaded, repositoryDir, plan.downloadPath);
  console.log(`  ${plan.downloadPath}/ holds ${zips.join(', ') || 'no zip'}`);

  const shardResults: PassResult[] = [];
  const ranBy = new Map<number, string[]>();
  for (const outcome of outcomes) {
    const zip = zips.find((file) => Number(file.match(/(\d+)\.zip$/)?.[1]) === outcome.shard.index);
    const tests = zip ? await blobTests(repositoryDir, path.join(repositoryDir, plan.downloadPath, zip)) : [];
    ranBy.set(
      outcome.shard.index,
      tests.map((test) => test.id),
    );
    shardResults.push(shardResult(outcome, zip, tests.filter((test) => test.passed).length, tests.length));
  }
  const suiteResult = shardsCoverSuite(ranBy, new Set(listed.map((test) => test.id)));

  await rm(path.join(repositoryDir, 'playwright-report'), { recursive: true, force: true });
  const merge = await runStep({
    ...plan.merge,
    repositoryDir,
    env: { ...MACHINE_ENV, ...plan.merge.env },
    timeoutMs: 300_000,
  });
  const indexHtml = path.join(repositoryDir, 'playwright-report', 'index.html');
  const wroteReport = await access(indexHtml).then(
    () => true,
    () => false,
  );
  // Gone after the run, as on a fresh runner: a folder left behind must never feed the next run's merge.
  await rm(path.join(repositoryDir, plan.downloadPath), { recursive: true, force: true });
  const merged = merge.exitCode === 0 && wroteReport;
  if (!merged)
    console.log(
      `  ✗ ${plan.merge.label}: \`${plan.merge.script}\` exited ${merge.exitCode}` +
        `${wroteReport ? '' : ', no playwright-report/index.html'}\n${merge.outputTail}`,
    );
  console.log(
    `  ${plan.shards.length} shards at once: ${seconds(shardsMs)}; merge: ${seconds(merge.ms)}; ` +
      `together ${seconds(shardsMs + merge.ms)} (one machine here; on GitHub, a runner per shard)`,
  );
  return [
    setupResult,
    ...shardResults,
    suiteResult,
    result(`${workflowShortName} merge (${plan.merge.script}): exit 0, playwright-report/index.html`, merged),
  ];
}

/** A shard counts its blob report's tests; a red exit without a failed test, or no blob report, is a failure. */
function shardResult(outcome: ShardOutcome, zip: string | undefined, passed: number, ran: number): PassResult {
  const { shard } = outcome;
  const problems = [
    outcome.timedOut ? 'ran out of time' : '',
    outcome.exitCode !== 0 && passed === ran ? `exited ${outcome.exitCode}` : '',
    outcome.uploaded ? '' : `left nothing at ${shard.uploadPath} for its upload step`,
    zip || !outcome.uploaded ? '' : `no blob report named for shard ${shard.index} among the downloaded files`,
  ].filter(Boolean);
  for (const problem of problems)
    console.log(`  ✗ ${shard.tests.label} (shard ${shard.index}/${shard.total}): ${problem}`);
  if (problems.length > 0 || passed < ran) console.log(outcome.outputTail);
  return {
    name: `${workflowShortName} shard ${shard.index}/${shard.total} (${shard.tests.script})`,
    passed,
    failed: ran - passed + problems.length,
    jsonFile: '',
  };
}

/** Each shard ran tests of its own, none twice, and together exactly what `--list` lists. */
function shardsCoverSuite(ranBy: Map<number, string[]>, listed: Set<string>): PassResult {
  const seen = new Map<string, number>();
  const problems: string[] = [];
  for (const [index, ids] of ranBy) {
    if (ids.length === 0) problems.push(`shard ${index} ran no test`);
    for (const id of ids) {
      if (seen.has(id)) problems.push(`"${id}" ran in shard ${seen.get(id)} and in shard ${index}`);
      if (!listed.has(id)) problems.push(`"${id}" ran in shard ${index} but --list does not list it`);
      seen.set(id, index);
    }
  }
  for (const id of listed) if (!seen.has(id)) problems.push(`"${id}" is listed but no shard ran it`);
  for (const problem of problems.slice(0, 10)) console.log(`  ✗ ${problem}`);
  const counts = [...ranBy].map(([index, ids]) => `shard ${index}: ${ids.length}`).join(', ');
  console.log(`  ${problems.length === 0 ? '✓' : '✗'} tests per shard: ${counts}; --list: ${listed.size}`);
  return result(`the shards ran different tests, together the ${listed.size} of --list`, problems.length === 0);
}
