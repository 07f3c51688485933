// npm run provision [-- --force]: installs and configures app-under-test/api
// and builds the SPA, each skipped when nothing changed.
import { projectDir } from '../fixtures/app-paths.ts';
import { loadKitEnv } from '../fixtures/config/load.ts';
import { provisionBundledApp } from '../fixtures/setup/provision-bundled-app.ts';
import { runCli } from './cli-errors.ts';

await runCli(async () => {
  const started = performance.now();
  const { spaBuilt } = await provisionBundledApp(loadKitEnv(projectDir), { force: process.argv.includes('--force') });
  console.log(`spa build: ${spaBuilt ? 'built' : 'up to date'} (${((performance.now() - started) / 1000).toFixed(2)} s in all)`);
});
