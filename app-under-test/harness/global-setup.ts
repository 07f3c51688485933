import type { FullConfig } from '@playwright/test';
import type { SanctumSettings } from '../../fixtures/config/options.ts';
import { exitOnKitError } from '../../fixtures/errors/kit-error.ts';
import { buildSpa } from '../spa/build.ts';
import { apiDir, projectDir } from './paths.ts';
import { provisionBundledApp } from './provision-bundled-app.ts';
import { loadHarnessSettings } from './settings.ts';

/**
 * The harness's one-time work, before the kit's own global setup (which then
 * makes the database template, or builds the docker images): for the
 * backends the config's projects use, the bundled API provisioned (composer
 * install, .env) and the SPA built, each cached (milliseconds when nothing
 * changed). An external stack needs neither.
 */
export default async function harnessGlobalSetup(config: FullConfig): Promise<void> {
  const backends = config.projects.map((project) => (project.use as { sanctum?: SanctumSettings }).sanctum?.backend).filter((backend) => backend !== undefined);
  try {
    if (backends.some((backend) => 'laravel' in backend && backend.laravel.appDir === apiDir)) await provisionBundledApp(loadHarnessSettings(projectDir));
    if (backends.some((backend) => !('external' in backend))) await buildSpa();
  } catch (error) {
    exitOnKitError(error);
  }
}
