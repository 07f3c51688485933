import {
  mergeJob,
  readWorkflow,
  shardCount,
  shardJob,
  stepEnv,
  stepLabel,
  stepRunning,
  stepUsing,
  stepWorkingDirectory,
  withMatrix,
  WorkflowShapeError,
  type Workflow,
  type WorkflowJob,
  type WorkflowStep,
} from './workflow-file.ts';
import { mergeJobRunsAfterFailedShards, setupStepsPresent } from './setup-steps.ts';

/** A `run:` step of the workflow as one runner would run it: its shell lines with the matrix filled in. */
interface RunnableStep {
  /** Job and step, for messages: job "e2e", step "Run this shard's tests". */
  label: string;
  script: string;
  env: Record<string, string>;
  workingDirectory: string;
}

/** One runner of the shard matrix: its test step, and where its upload step takes the blob report from. */
export interface ShardRunner {
  index: number;
  total: number;
  tests: RunnableStep;
  uploadPath: string;
  artifactName: string;
}

/** What the pass runs of the workflow, and what it can only check is there. */
export interface WorkflowPlan {
  shards: ShardRunner[];
  /** The folder the merge job downloads every shard's artifact into. */
  downloadPath: string;
  merge: RunnableStep;
  setupSteps: { what: string; jobs: string; present: boolean }[];
}

function runnable(workflow: Workflow, job: WorkflowJob, step: WorkflowStep, matrix: Record<string, number>) {
  const label = stepLabel(job, step);
  return {
    label,
    script: withMatrix(step.run ?? '', matrix, label),
    env: stepEnv(workflow, job, step, matrix),
    workingDirectory: withMatrix(stepWorkingDirectory(job, step), matrix, label),
  };
}

/** A glob of artifact names (`blob-report-*`) as download-artifact's `pattern` matches them. */
const globMatches = (glob: string, name: string) =>
  new RegExp(
    `^${glob
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  ).test(name);

/** Reads the workflow file into the steps this machine runs and the setup steps it only checks for. */
export async function workflowPlan(): Promise<WorkflowPlan> {
  const workflow = await readWorkflow();
  const shardsJob = shardJob(workflow);
  const total = shardCount(shardsJob);
  const testStep = stepRunning(shardsJob, /\bplaywright test\b/, '`npx playwright test`');
  const uploadStep = stepUsing(shardsJob, 'actions/upload-artifact');
  const merging = mergeJob(workflow, shardsJob);
  if (!mergeJobRunsAfterFailedShards(merging))
    throw new WorkflowShapeError(`job "${merging.id}": needs if: \${{ !cancelled() }} to merge after a failed shard`);
  const downloadStep = stepUsing(merging, 'actions/download-artifact');
  const pattern = String(downloadStep.with?.pattern ?? '');
  const shards = Array.from({ length: total }, (_, offset) => {
    const matrix = { shardIndex: offset + 1, shardTotal: total };
    const artifactName = withMatrix(String(uploadStep.with?.name ?? ''), matrix, stepLabel(shardsJob, uploadStep));
    if (!globMatches(pattern, artifactName))
      throw new WorkflowShapeError(
        `${stepLabel(merging, downloadStep)}: pattern "${pattern}" does not match the artifact "${artifactName}" ` +
          `that ${stepLabel(shardsJob, uploadStep)} uploads`,
      );
    return {
      index: offset + 1,
      total,
      tests: runnable(workflow, shardsJob, testStep, matrix),
      uploadPath: withMatrix(String(uploadStep.with?.path ?? ''), matrix, stepLabel(shardsJob, uploadStep)),
      artifactName,
    };
  });
  const mergeStep = stepRunning(merging, /\bplaywright merge-reports\b/, '`npx playwright merge-reports`');
  return {
    shards,
    downloadPath: String(downloadStep.with?.path ?? ''),
    merge: runnable(workflow, merging, mergeStep, {}),
    setupSteps: setupStepsPresent(shardsJob, merging),
  };
}
