// `npm run bench -- --only=signed-in`: the bundled app in laravel mode (per worker, as a team's own app
// runs), with the kit's roles. Project "reuse": 30 signed-in tests on the worker's saved state beside the
// same 30 signing in through the form each; project "repeat": the kit's signed-in spec, for --repeat-each.
import { defineSanctumConfig } from 'sanctum-spa-kit/config';
import { bundledBackend } from '../../../app-under-test/harness/bundled-backend.ts';
import { DEFAULT_LINE } from '../../../app-under-test/harness/lines.ts';
import { projectDir } from '../../../app-under-test/harness/paths.ts';
import { loadHarnessSettings } from '../../../app-under-test/harness/settings.ts';
import { harnessRoles, harnessUser } from '../../../app-under-test/harness/test-accounts.ts';

const harness = loadHarnessSettings(projectDir);
const line = { php: harness.KIT_PHP_LINE, laravel: DEFAULT_LINE.laravel };

export default defineSanctumConfig(
  {
    backend: bundledBackend(harness, 'native', line),
    user: harnessUser(harness),
    roles: harnessRoles(harness),
    host: harness.KIT_HOST,
  },
  {
    outputDir: '../../../test-results/bench-signed-in',
    reporter: [['list']],
    projects: [
      { name: 'reuse', testDir: '.', testMatch: 'reuse.bench.ts', workers: 1 },
      { name: 'repeat', testDir: '../../../tests/flows', testMatch: 'signed-in.spec.ts' },
    ],
  },
  { backendFromEnv: false },
);
