import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { projectDir } from '../../../app-under-test/harness/paths.ts';

/** The GitHub Actions workflow a team copies (README, docs/ci.md). */
const workflowFile = path.join(projectDir, 'docs', 'ci', 'github-actions.yml');
export const workflowShortName = path.relative(projectDir, workflowFile);

/** One step of a job, as the workflow file writes it. */
export interface WorkflowStep {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  'working-directory'?: string;
}

export interface WorkflowJob {
  id: string;
  needs?: string | string[];
  if?: string;
  env?: Record<string, unknown>;
  strategy?: { matrix?: Record<string, unknown> };
  defaults?: { run?: { 'working-directory'?: string } };
  steps: WorkflowStep[];
}

export interface Workflow {
  env?: Record<string, unknown>;
  jobs: WorkflowJob[];
}

/** A check of the workflow's shape that failed: the step or job it is about, and what is wrong. */
export class WorkflowShapeError extends Error {}

/** The workflow file parsed; its jobs in the file's order, each with its id. */
export async function readWorkflow(): Promise<Workflow> {
  const document = parse(await readFile(workflowFile, 'utf8')) as {
    env?: Record<string, unknown>;
    jobs?: Record<string, Omit<WorkflowJob, 'id'>>;
  };
  const jobs = Object.entries(document.jobs ?? {}).map(([id, job]) => ({ ...job, id, steps: job.steps ?? [] }));
  return { env: document.env, jobs };
}

/** How a step is named in messages: its name, else what it uses or runs. */
export const stepLabel = (job: WorkflowJob, step: WorkflowStep) =>
  `job "${job.id}", step "${step.name ?? step.uses ?? step.run?.trim()}"`;

/** The job whose matrix lists shardIndex and shardTotal: the one that runs a shard of the suite per runner. */
export function shardJob(workflow: Workflow): WorkflowJob {
  const job = workflow.jobs.find((candidate) => candidate.strategy?.matrix?.shardIndex !== undefined);
  if (!job) throw new WorkflowShapeError(`no job has strategy.matrix.shardIndex in ${workflowShortName}`);
  return job;
}

/** The shard count N of the matrix, after checking shardIndex is exactly 1..N and shardTotal is [N]. */
export function shardCount(job: WorkflowJob): number {
  const { shardIndex, shardTotal } = job.strategy?.matrix ?? {};
  const total = Array.isArray(shardTotal) && shardTotal.length === 1 ? Number(shardTotal[0]) : NaN;
  const indexes = Array.isArray(shardIndex) ? shardIndex.map(Number) : [];
  const expected = Array.from({ length: total }, (_, index) => index + 1);
  if (!(total >= 1) || indexes.join() !== expected.join())
    throw new WorkflowShapeError(
      `job "${job.id}": matrix shardIndex ${JSON.stringify(shardIndex)} and shardTotal ${JSON.stringify(shardTotal)} ` +
        'must be [1, …, N] and [N]',
    );
  return total;
}

/** The job that needs the shard job: the one that merges the shards' reports. */
export function mergeJob(workflow: Workflow, shards: WorkflowJob): WorkflowJob {
  const job = workflow.jobs.find((candidate) => [candidate.needs ?? []].flat().includes(shards.id));
  if (!job) throw new WorkflowShapeError(`no job of ${workflowShortName} needs "${shards.id}" (the merge job)`);
  return job;
}

/** The one step of a job whose `run` matches, or a failure naming the job and what was looked for. */
export function stepRunning(job: WorkflowJob, pattern: RegExp, what: string): WorkflowStep {
  const steps = job.steps.filter((step) => step.run !== undefined && pattern.test(step.run));
  if (steps.length !== 1)
    throw new WorkflowShapeError(`job "${job.id}": expected one step that runs ${what}, found ${steps.length}`);
  return steps[0];
}

/** The one step of a job that uses an action (`actions/upload-artifact`) with an input matching, or a failure. */
export function stepUsing(
  job: WorkflowJob,
  action: string,
  where: (inputs: Record<string, unknown>) => boolean = () => true,
): WorkflowStep {
  const steps = job.steps.filter((step) => step.uses?.startsWith(`${action}@`) && where(step.with ?? {}));
  if (steps.length !== 1)
    throw new WorkflowShapeError(`job "${job.id}": expected one step using ${action}, found ${steps.length}`);
  return steps[0];
}

/**
 * A step's text with the matrix expressions of one runner filled in (`${{ matrix.shardIndex }}` → 1); any other
 * expression is a value only GitHub has, and the step cannot be run here as it is written.
 */
export function withMatrix(text: string, matrix: Record<string, string | number>, where: string): string {
  const filled = text.replace(/\$\{\{\s*matrix\.(\w+)\s*\}\}/g, (expression, key: string) =>
    key in matrix ? String(matrix[key]) : expression,
  );
  const left = filled.match(/\$\{\{.*?\}\}/);
  if (left) throw new WorkflowShapeError(`${where}: ${left[0]} has no value outside GitHub; this step must not use it`);
  return filled;
}

/** The environment a step runs with: the workflow's, the job's, the step's, later winning, matrix filled in. */
export function stepEnv(
  workflow: Workflow,
  job: WorkflowJob,
  step: WorkflowStep,
  matrix: Record<string, string | number>,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...workflow.env, ...job.env, ...step.env }))
    env[key] = withMatrix(String(value), matrix, `${stepLabel(job, step)}, env ${key}`);
  return env;
}

/** Where a step runs, relative to the repository's root ('' for the root). */
export const stepWorkingDirectory = (job: WorkflowJob, step: WorkflowStep) =>
  step['working-directory'] ?? job.defaults?.run?.['working-directory'] ?? '';
