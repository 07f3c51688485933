import { defineConfig, type Project } from '@playwright/test';
import { projectDir } from './fixtures/app-paths.ts';
import { ALL_BACKEND_LINES, describeLine, sameLine, type BackendLine } from './fixtures/backend/backend-line.ts';
import { BackendStartError } from './fixtures/backend/driver.ts';
import { resolveBackendName, type BackendName } from './fixtures/backend/resolve-backend.ts';
import { chromiumLaunchOptions } from './fixtures/browser/chromium-launch.ts';
import { KitConfigError, loadKitEnv } from './fixtures/config/load.ts';
import type { KitOptions } from './fixtures/kit-options.fixture.ts';

// Bad settings, or no backend at all, stop the run here, before any server or
// browser starts: one message, no stack trace.
function exitWith(error: unknown): never {
  if (error instanceof KitConfigError || error instanceof BackendStartError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const kitEnv = (() => {
  try {
    return loadKitEnv(projectDir);
  } catch (error) {
    return exitWith(error);
  }
})();

// KIT_BACKEND=auto is resolved once, by the runner; its workers inherit the answer.
process.env.KIT_BACKEND_RESOLVED ??= await resolveBackendName(kitEnv).catch(exitWith);
const backendName = process.env.KIT_BACKEND_RESOLVED as BackendName;
const defaultLine: BackendLine = { php: kitEnv.KIT_PHP_LINE, laravel: kitEnv.KIT_LARAVEL_LINE };

/** The kit's specs against one backend line: wire, the five flows, and the twins. */
function projectsFor(line: BackendLine, suffix: string): Project<KitOptions>[] {
  const use = { backendLine: line };
  return [
    {
      name: `wire${suffix}`,
      testDir: './tests/wire',
      // app-wiring boots the bundled app to inspect it; an external stack only has its wire.
      testIgnore: backendName === 'external' ? ['**/app-wiring.spec.ts'] : [],
      use,
    },
    // One browser worker at a time for the flows: on 2 cores a second Chromium
    // costs more than it saves (measured: 8.6 s with 1 worker, 10.9 s with 2).
    { name: `chromium${suffix}`, testDir: './tests/flows', workers: 1, use },
    // Misconfiguration twins need a backend the kit starts: not for an external stack.
    ...(backendName === 'external'
      ? []
      : [
          {
            // The tutorial's pitfall: the SPA's host listed without its port.
            name: `twin: stateful domains without the SPA port${suffix}`,
            testDir: './tests/twins',
            use: { ...use, backendEnvOverrides: { SANCTUM_STATEFUL_DOMAINS: kitEnv.KIT_HOST } },
          },
        ]),
  ];
}

// The version matrix (docker only): every other PHP × Laravel line, as
// projects named "… @ php8.4 laravel11"; run one line with --project='*@ php8.4 laravel11'.
const matrixLines = kitEnv.KIT_MATRIX === 'all' && backendName === 'docker' ? ALL_BACKEND_LINES.filter((line) => !sameLine(line, defaultLine)) : [];

// Why globalSetup and worker fixtures, not webServer: provisioning, image and
// SPA builds are one-time and shared (globalSetup); each worker then starts its
// own API (own port, own database) and SPA server, so workers never share a
// session table or a login throttle.
export default defineConfig<KitOptions>({
  testDir: './tests',
  globalSetup: './fixtures/setup/global-setup.ts',
  forbidOnly: !!process.env.CI,
  fullyParallel: true,
  workers: 2,
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    kitEnv,
    backendName,
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(kitEnv),
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [...projectsFor(defaultLine, ''), ...matrixLines.flatMap((line) => projectsFor(line, ` @ ${describeLine(line)}`))],
});
