import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_LINE } from '../../../app-under-test/harness/lines.ts';
import { appDirOf } from '../../../app-under-test/harness/paths.ts';
import { packKit } from '../consumer/pack-kit.ts';
import { copyAsTeamApp } from '../consumer/team-app-copy.ts';
import { exampleDir, installExample, laravelAppConsumer } from '../support/example-consumer.ts';
import type { PassResult } from '../support/playwright-pass.ts';
import { failedRunCase } from './failed-run-case.ts';

/**
 * A consumer from the tarball in laravel mode (backend.laravel.appDir on a
 * copy of the bundled app, the example's SPA and spec), broken through the
 * app's environment: sessions in the array driver, so the login answers 204
 * with the password typed and a live session cookie, and the next call is a
 * guest's. Its failed run holds no secret (see failedRunCase).
 */
export async function laravelFailedRun(password: string): Promise<PassResult> {
  const tarball = await packKit();
  await installExample();
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'sanctum-kit-secrets-'));
  const appCopy = path.join(scratch, 'api');
  try {
    await copyAsTeamApp(appDirOf(DEFAULT_LINE.laravel), appCopy);
    const dir = await laravelAppConsumer(tarball);
    try {
      return await failedRunCase(
        {
          name: 'secrets in a failed run, laravel mode',
          env: {
            APP_DIR: appCopy,
            SPA_DIR: exampleDir,
            APP_ENV_OVERRIDES: JSON.stringify({ SESSION_DRIVER: 'array' }),
            KIT_TEST_USER_PASSWORD: password,
          },
          args: ['--workers=1', '--grep=good login|logout'],
          cwd: dir,
        },
        password,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
