import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectDir } from '../../app-under-test/harness/paths.ts';

const run = promisify(execFile);

/**
 * A throwaway copy of what provisioning reads (app-under-test's lines,
 * overlay and provisioning, and the kit's app-facts.php), with no app built
 * yet, so provisioning can be timed cold without touching the real one.
 */
export async function freshAppCopy(
  line: string,
): Promise<{ provision: (env?: NodeJS.ProcessEnv) => Promise<void>; remove: () => Promise<void> }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'sanctum-kit-bench-'));
  for (const part of [
    'app-under-test/lines',
    'app-under-test/overlay',
    'app-under-test/provision',
    'fixtures/runtime/backend/laravel',
  ]) {
    await cp(path.join(projectDir, part), path.join(root, part), { recursive: true });
  }
  return {
    provision: async (env = process.env) => {
      await run('php', [path.join(root, 'app-under-test', 'provision', 'provision.php'), `--line=${line}`], { env });
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
