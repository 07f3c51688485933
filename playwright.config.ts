import { defineConfig } from '@playwright/test';
import { projectDir } from './fixtures/app-paths.ts';
import { chromiumLaunchOptions } from './fixtures/browser/chromium-launch.ts';
import { KitConfigError, loadKitEnv } from './fixtures/config/load.ts';
import type { KitOptions } from './fixtures/kit-options.fixture.ts';

// Bad settings stop the run here, before any server or browser starts.
function kitEnvOrExit() {
  try {
    return loadKitEnv(projectDir);
  } catch (error) {
    if (error instanceof KitConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

const kitEnv = kitEnvOrExit();

// Why globalSetup and worker fixtures, not webServer: provisioning and the SPA
// build are one-time and shared (globalSetup); each worker then starts its
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
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(kitEnv),
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'wire',
      testDir: './tests/wire',
      // app-wiring boots the bundled app to inspect it; an external stack only has its wire.
      testIgnore: kitEnv.KIT_BACKEND === 'external' ? ['**/app-wiring.spec.ts'] : [],
    },
    // One browser worker at a time for the flows: on 2 cores a second Chromium
    // costs more than it saves (measured: 8.6 s with 1 worker, 10.9 s with 2).
    { name: 'chromium', testDir: './tests/flows', workers: 1 },
    // Misconfiguration twins need a backend the kit starts: not for an external stack.
    ...(kitEnv.KIT_BACKEND === 'external'
      ? []
      : [
          {
            // The tutorial's pitfall: the SPA's host listed without its port.
            name: 'twin: stateful domains without the SPA port',
            testDir: './tests/twins',
            use: { backendEnvOverrides: { SANCTUM_STATEFUL_DOMAINS: kitEnv.KIT_HOST } },
          },
        ]),
  ],
});
