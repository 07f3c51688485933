import type { WorkflowJob, WorkflowStep } from './workflow-file.ts';

/** A step the workflow must hold that this machine cannot run (it installs a runner), checked for presence only. */
interface SetupStepExpectation {
  what: string;
  job: 'shards' | 'merge' | 'both';
  present: (step: WorkflowStep) => boolean;
}

const uses = (step: WorkflowStep, action: string) => step.uses?.startsWith(`${action}@`) === true;
const runs = (step: WorkflowStep, pattern: RegExp) => step.run !== undefined && pattern.test(step.run);
const input = (step: WorkflowStep, key: string) => String(step.with?.[key] ?? '');
const notWhenCancelled = (step: WorkflowStep) => /!\s*cancelled\(\)/.test(step.if ?? '');

const EXPECTED_SETUP: SetupStepExpectation[] = [
  { what: 'the checkout (actions/checkout)', job: 'both', present: (step) => uses(step, 'actions/checkout') },
  {
    what: 'PHP 8.2 or later with pdo_sqlite (shivammathur/setup-php)',
    job: 'shards',
    present: (step) =>
      uses(step, 'shivammathur/setup-php') &&
      Number(input(step, 'php-version')) >= 8.2 &&
      /\bpdo_sqlite\b/.test(input(step, 'extensions')),
  },
  { what: "the Laravel app's composer install", job: 'shards', present: (step) => runs(step, /\bcomposer install\b/) },
  {
    what: "Composer's cache (actions/cache)",
    job: 'shards',
    present: (step) => uses(step, 'actions/cache') && /composer/.test(input(step, 'key')),
  },
  {
    what: 'Node 20 or later with the npm cache (actions/setup-node)',
    job: 'both',
    present: (step) =>
      uses(step, 'actions/setup-node') && Number(input(step, 'node-version')) >= 20 && input(step, 'cache') === 'npm',
  },
  { what: 'npm ci', job: 'both', present: (step) => runs(step, /^\s*npm ci\b/m) },
  {
    what: 'Chromium (npx playwright install --with-deps chromium)',
    job: 'shards',
    present: (step) => runs(step, /\bnpx playwright install --with-deps chromium\b/),
  },
  {
    what: "each shard's blob report uploaded, failed or not (actions/upload-artifact, if: !cancelled(), retention)",
    job: 'shards',
    present: (step) =>
      uses(step, 'actions/upload-artifact') && notWhenCancelled(step) && input(step, 'retention-days') !== '',
  },
  {
    what: 'the blob reports downloaded into one folder (actions/download-artifact, pattern, merge-multiple)',
    job: 'merge',
    present: (step) =>
      uses(step, 'actions/download-artifact') &&
      input(step, 'pattern') !== '' &&
      input(step, 'merge-multiple') === 'true',
  },
  {
    what: 'the merged HTML report uploaded (actions/upload-artifact of playwright-report)',
    job: 'merge',
    present: (step) => uses(step, 'actions/upload-artifact') && /^playwright-report\/?$/.test(input(step, 'path')),
  },
];

/** What each expected setup step is, and whether the workflow holds it in the job(s) it belongs to. */
export function setupStepsPresent(
  shards: WorkflowJob,
  merge: WorkflowJob,
): { what: string; jobs: string; present: boolean }[] {
  return EXPECTED_SETUP.map((expectation) => {
    const jobs = { shards: [shards], merge: [merge], both: [shards, merge] }[expectation.job];
    return {
      what: expectation.what,
      jobs: jobs.map((job) => `"${job.id}"`).join(' and '),
      present: jobs.every((job) => job.steps.some(expectation.present)),
    };
  });
}

/** The merge job waits for every shard and runs after failed ones too, but not after a cancel. */
export function mergeJobRunsAfterFailedShards(merge: WorkflowJob): boolean {
  return /!\s*cancelled\(\)/.test(merge.if ?? '');
}
