import path from 'node:path';
import { projectDir } from '../../../app-under-test/harness/paths.ts';
import { findSecrets } from '../consumer/secrets-scan.ts';
import { reportDirOf, runPlaywright, type PassResult } from '../support/playwright-pass.ts';

const SECRET = 'Sup3r-S3cret-XYZ';

/** The folders a run writes its artefacts to: test-results and its HTML report. */
const artefactsOf = (name: string) => [path.join(projectDir, 'test-results'), reportDirOf(name)];

/**
 * A green run with a recognisable password leaves it nowhere in the reports,
 * nor any whole session or XSRF cookie value; the same scan after a run with
 * KIT_SHOW_SECRETS=1 must find them, or the scan proves nothing.
 */
export async function secretsPass(): Promise<PassResult[]> {
  const masked = await runPlaywright({
    name: 'secrets masked',
    env: { KIT_BACKEND: 'native', KIT_TEST_USER_PASSWORD: SECRET },
    args: ['--project=wire', '--project=chromium'],
  });
  const leaks = await findSecrets(artefactsOf(masked.name), [SECRET]);
  const maskedSaid =
    leaks.length === 0
      ? `"${SECRET}" and whole cookie values are in no report file`
      : `LEAKED\n  ${leaks.join('\n  ')}`;
  console.log(`secrets masked: ${maskedSaid}`);
  const shown = await runPlaywright({
    name: 'secrets shown',
    env: { KIT_BACKEND: 'native', KIT_TEST_USER_PASSWORD: SECRET, KIT_SHOW_SECRETS: '1' },
    args: ['--project=chromium', '--grep=good login'],
  });
  const control = await findSecrets(artefactsOf(shown.name), [SECRET]);
  const controlFound = control.length > 0;
  console.log(
    'secrets shown (control): the scan ' +
      `${controlFound ? `finds them (${control.length} files), as it must` : 'finds NOTHING: it cannot fail'}`,
  );
  const failed = masked.failed + shown.failed + leaks.length + (controlFound ? 0 : 1);
  return [{ ...masked, passed: masked.passed + shown.passed, failed }];
}
