import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { appUnderTestDir } from '../../app-under-test/harness/paths.ts';

const run = promisify(execFile);

/**
 * A throwaway copy of app-under-test (api + provision, no vendor, no .env, no
 * database), so provisioning can be timed cold without touching the real one.
 */
export async function freshAppCopy(): Promise<{ provision: (env?: NodeJS.ProcessEnv) => Promise<void>; remove: () => Promise<void> }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'sanctum-kit-bench-'));
  const skip = /\/(vendor|node_modules)(\/|$)|\/\.env$|\.sqlite$|\/\.provisioned\.json$|\/storage\/logs\/.+\.log$/;
  for (const part of ['api', 'provision']) {
    await cp(path.join(appUnderTestDir, part), path.join(root, part), { recursive: true, filter: (source) => !skip.test(source) });
  }
  return {
    provision: async (env = process.env) => {
      await run('php', [path.join(root, 'provision', 'provision.php')], { env });
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
