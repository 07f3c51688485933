import { defineConfig } from '@playwright/test';
import { projectDir } from './fixtures/app-paths.ts';
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

export default defineConfig<KitOptions>({
  testDir: './tests',
  globalSetup: './fixtures/setup/global-setup.ts',
  forbidOnly: !!process.env.CI,
  fullyParallel: true,
  workers: 2,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list'], ['html', { open: 'never' }]],
  use: {
    kitEnv,
  },
  projects: [
    {
      name: 'wire',
      testDir: './tests/wire',
    },
  ],
});
