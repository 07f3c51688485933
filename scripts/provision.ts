// npm run provision [-- --force]: installs and configures app-under-test/api
// and builds the SPA, each skipped when nothing changed.
import { projectDir } from '../app-under-test/harness/paths.ts';
import { provisionBundledApp } from '../app-under-test/harness/provision-bundled-app.ts';
import { loadHarnessSettings } from '../app-under-test/harness/settings.ts';
import { runCli } from './cli-errors.ts';

await runCli(async () => {
  const started = performance.now();
  const { spaBuilt } = await provisionBundledApp(loadHarnessSettings(projectDir), { force: process.argv.includes('--force') });
  console.log(`spa build: ${spaBuilt ? 'built' : 'up to date'} (${((performance.now() - started) / 1000).toFixed(2)} s in all)`);
});
