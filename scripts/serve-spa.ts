// npm run serve:spa -- --api=http://localhost:8000 [--port=5173]: the bundled
// reference SPA, built, pointed at any API (yours too): its API origin is
// served at run time in /runtime-config.js. The API must trust the SPA's
// origin (FRONTEND_URL, SANCTUM_STATEFUL_DOMAINS). Ctrl-C stops it.
import { parseArgs } from 'node:util';
import { KitError } from 'sanctum-spa-kit/driver';
import { spaDistDir } from '../app-under-test/harness/paths.ts';
import { buildSpa } from '../app-under-test/spa/build.ts';
import { startSpaServer } from '../app-under-test/spa/server.ts';
import { runCli } from './cli-errors.ts';

await runCli(async () => {
  const { values } = parseArgs({
    options: {
      api: { type: 'string' },
      port: { type: 'string', default: '5173' },
      host: { type: 'string', default: 'localhost' },
    },
  });
  if (!values.api || !/^https?:\/\/[^/\s]+$/.test(values.api)) {
    throw new KitError(
      'serve:spa needs the API origin: npm run serve:spa -- --api=http://localhost:8000 [--port=5173]',
    );
  }
  await buildSpa();
  const spa = await startSpaServer({
    distDir: spaDistDir,
    host: '127.0.0.1',
    port: Number(values.port),
    apiOrigin: values.api,
  }).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'EADDRINUSE' ? new KitError(`port ${values.port} is already in use: pass --port`) : error;
  });
  console.log(`SPA  http://${values.host}:${spa.port}   calling ${values.api}`);
  console.log(
    `The API must trust it: FRONTEND_URL=http://${values.host}:${spa.port} ` +
      `SANCTUM_STATEFUL_DOMAINS=${values.host}:${spa.port}`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await spa.close();
});
