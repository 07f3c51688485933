// npm run provision [-- --force]: installs and configures app-under-test/api
// (cached), and builds the SPA (cached).
import { provisionApi } from '../app-under-test/provision/index.ts';
import { buildSpa } from '../app-under-test/spa/build.ts';
import { projectDir } from '../fixtures/app-paths.ts';
import { loadKitEnv } from '../fixtures/config/load.ts';
import { runCli } from './cli-errors.ts';

await runCli(async () => {
  const force = process.argv.includes('--force');
  const kitEnv = loadKitEnv(projectDir);
  await provisionApi({
    php: kitEnv.KIT_PHP_BINARY,
    spaOrigin: `http://${kitEnv.KIT_HOST}:5173`,
    apiUrl: `http://${kitEnv.KIT_HOST}:8000`,
    userEmail: kitEnv.KIT_TEST_USER_EMAIL,
    userPassword: kitEnv.KIT_TEST_USER_PASSWORD,
    force,
  });
  const started = performance.now();
  const built = await buildSpa({ force });
  console.log(`spa build: ${built ? 'built' : 'up to date'} (${((performance.now() - started) / 1000).toFixed(2)} s)`);
});
