import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { FullConfig } from '@playwright/test';
import { processLives } from 'sanctum-spa-kit/driver';
import type { SanctumSettings } from 'sanctum-spa-kit/config';
import { exitOnKitError } from 'sanctum-spa-kit/driver';
import { buildSpa } from '../spa/build.ts';
import { LARAVEL_LINES } from './lines.ts';
import { appDirOf, projectDir, spaDistDir } from './paths.ts';
import { openingUiMode } from 'sanctum-spa-kit/config';
import { provisionBundledApp } from './provision-bundled-app.ts';
import { loadHarnessSettings } from './settings.ts';

/**
 * The harness's one-time work, before the kit's own global setup (which then
 * makes the database template, or builds the docker images): for the
 * backends the config's projects use, each native line's app provisioned
 * (the real installers, .env, database) and the SPA built, each cached (milliseconds when nothing
 * changed). An external stack needs neither. First, the output folders of
 * runs that are over go (test-results/run-<pid>, see playwright.config.ts).
 */
export default async function harnessGlobalSetup(config: FullConfig): Promise<void> {
  const backends = config.projects
    .map((project) => (project.use as { sanctum?: SanctumSettings }).sanctum?.backend)
    .filter((backend) => backend !== undefined);
  try {
    await removeFinishedRunsOutput(
      path.dirname(config.projects[0]?.outputDir ?? path.join(projectDir, 'test-results', 'run')),
    );
    const nativeLines = LARAVEL_LINES.filter((line) =>
      backends.some((backend) => 'laravel' in backend && backend.laravel.appDir === appDirOf(line)),
    );
    // Opening the UI (--ui) on a checkout provisioned and built before starts nothing: what changed since is
    // applied by the next `npx playwright test` (or npm run provision).
    const uiMode = openingUiMode();
    if (nativeLines.length > 0) {
      const settings = loadHarnessSettings(projectDir);
      for (const line of nativeLines)
        if (!uiMode || !existsSync(path.join(appDirOf(line), 'vendor', 'autoload.php')))
          await provisionBundledApp(settings, line);
    }
    if (backends.some((backend) => !('external' in backend)) && (!uiMode || !existsSync(spaDistDir))) await buildSpa();
  } catch (error) {
    exitOnKitError(error);
  }
}

/** test-results/run-<pid> of runs whose runner is gone; a run going on now keeps its folder. */
async function removeFinishedRunsOutput(testResultsDir: string): Promise<void> {
  const runs = (await readdir(testResultsDir).catch(() => [] as string[])).filter((name) => /^run-\d+$/.test(name));
  const finished = runs.filter((name) => Number(name.slice(4)) !== process.pid && !processLives(Number(name.slice(4))));
  await Promise.all(finished.map((name) => rm(path.join(testResultsDir, name), { recursive: true, force: true })));
}
