// npm run dev: the app under test by hand. Starts the API (PHP's built-in
// server on :8000, the app's own database) and the built SPA (:5173), prints
// both URLs and the test user, and stops both on Ctrl-C.
import { buildSpa } from '../app-under-test/spa/build.ts';
import { startSpaServer } from '../app-under-test/spa/server.ts';
import { projectDir, spaDistDir } from '../fixtures/app-paths.ts';
import { BackendStartError } from '../fixtures/backend/driver.ts';
import { NativeBackend } from '../fixtures/backend/native.ts';
import { loadKitEnv } from '../fixtures/config/load.ts';
import { runCli } from './cli-errors.ts';

const API_PORT = Number(process.env.KIT_DEV_API_PORT ?? 8000);
const SPA_PORT = Number(process.env.KIT_DEV_SPA_PORT ?? 5173);

await runCli(async () => {
  const kitEnv = loadKitEnv(projectDir);
  const host = kitEnv.KIT_HOST;
  const spaOrigin = `http://${host}:${SPA_PORT}`;
  await buildSpa();
  const backend = await new NativeBackend(kitEnv.KIT_PHP_BINARY, host).start({
    spaOrigin,
    envOverrides: {},
    workerIndex: 0,
    port: API_PORT,
    isolatedDatabase: false,
  });
  const spa = await startSpaServer({ distDir: spaDistDir, host: '127.0.0.1', port: SPA_PORT, apiOrigin: backend.apiOrigin }).catch(async (error) => {
    await backend.stop();
    throw (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
      ? new BackendStartError(`SPA port ${SPA_PORT} is already in use: stop what listens there or set KIT_DEV_SPA_PORT`)
      : error;
  });

  console.log(`API  ${backend.apiOrigin}   (Laravel ${backend.facts.laravelVersion}, PHP ${backend.facts.phpVersion})`);
  console.log(`SPA  ${spaOrigin}`);
  console.log(`User ${kitEnv.KIT_TEST_USER_EMAIL} / ${kitEnv.KIT_TEST_USER_PASSWORD}`);
  console.log('Ctrl-C stops both.');

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await Promise.all([spa.close(), backend.stop()]);
  console.log('stopped');
});
