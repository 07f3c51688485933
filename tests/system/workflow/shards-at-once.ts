import { runStep, type StepOutcome } from './run-step.ts';
import { uploadArtifact } from './artifacts.ts';
import type { ShardRunner } from './workflow-plan.ts';

export interface ShardOutcome extends StepOutcome {
  shard: ShardRunner;
  /** Its upload step found files at its path. */
  uploaded: boolean;
}

/** The longest a shard of examples/nextjs may take here (about 3 minutes at once on 2 shared cores). */
const SHARD_TIMEOUT_MS = 15 * 60_000;

/**
 * Every runner of the matrix at once, in the same checkout (one machine, not N), each followed by its upload
 * step as soon as its tests end. Returns each runner's outcome and the wall time of them all.
 */
export async function runShardsAtOnce(
  shards: ShardRunner[],
  repositoryDir: string,
  env: Record<string, string>,
): Promise<{ outcomes: ShardOutcome[]; ms: number }> {
  const started = Date.now();
  const outcomes = await Promise.all(
    shards.map(async (shard) => {
      const outcome = await runStep({
        label: `shard ${shard.index}/${shard.total}`,
        script: shard.tests.script,
        repositoryDir,
        workingDirectory: shard.tests.workingDirectory,
        env: { ...env, ...shard.tests.env },
        timeoutMs: SHARD_TIMEOUT_MS,
      });
      console.log(`  shard ${shard.index}/${shard.total} ended (exit ${outcome.exitCode}) in ${seconds(outcome.ms)}`);
      const uploaded = await uploadArtifact(repositoryDir, shard.uploadPath, shard.artifactName);
      return { ...outcome, shard, uploaded };
    }),
  );
  return { outcomes, ms: Date.now() - started };
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
