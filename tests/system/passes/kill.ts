import { killMidRun, whatRemains } from '../kill/kill-mid-run.ts';
import { runPlaywright, type PassResult } from '../support/playwright-pass.ts';

/**
 * A crash mid-run: a worker and the runner killed with SIGKILL while the
 * flows run; the next run must pass and leave nothing of the first behind
 * (its PHP servers, database copies, output folder).
 */
export async function killPass(): Promise<PassResult[]> {
  const killed = await killMidRun();
  const leftNow = killed.leftAfterKill.join(', ') || 'nothing';
  console.log(
    `kill mid-run: SIGKILL to a worker and the runner (pid ${killed.killedRunner}); left right after: ${leftNow}`,
  );
  // No server may outlive its killed worker, not even until the next run.
  const serversLeft = killed.leftAfterKill.filter((line) => line.startsWith('php -S'));
  const next = await runPlaywright({
    name: 'the run after a killed one',
    env: { KIT_BACKEND: 'native' },
    args: ['--project=wire'],
  });
  const remains = await whatRemains(killed);
  const said = remains.length === 0 ? 'nothing of the killed run remains' : `still there: ${remains.join(', ')}`;
  console.log(`kill mid-run: after the next run, ${said}`);
  return [{ ...next, failed: next.failed + serversLeft.length + remains.length }];
}
