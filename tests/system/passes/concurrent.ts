import { rm } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_LINE } from '../../../app-under-test/harness/lines.ts';
import { appDirOf, projectDir } from '../../../app-under-test/harness/paths.ts';
import { runPlaywright, type PassResult } from '../support/playwright-pass.ts';

/**
 * Two `npx playwright test` at once in this checkout with provisioning due
 * (the app and the SPA build removed first): one provisions while the other
 * waits on its lock, each writes its own output folder; both must pass.
 */
export async function concurrentPass(): Promise<PassResult[]> {
  await rm(appDirOf(DEFAULT_LINE.laravel), { recursive: true, force: true });
  await rm(path.join(projectDir, 'app-under-test', 'spa', 'dist'), { recursive: true, force: true });
  const run = (name: string) =>
    runPlaywright({ name, env: { KIT_BACKEND: 'native' }, args: ['--project=wire', '--project=chromium'] });
  return Promise.all([run('concurrent run A (provisioning due)'), run('concurrent run B (provisioning due)')]);
}
