// npm run dev: the app under test by hand. Starts the API (PHP's built-in
// server on :8000, with its own copy of the seeded database) and the built
// SPA (:5173), prints both URLs and the test user, and stops both on Ctrl-C.
//
//   npm run dev [-- --api-port=8000] [--spa-port=5173] [--line=12|11]
//   npm run dev -- --spa-origin=http://localhost:5180   the API alone, trusting another SPA (yours)
import { parseArgs } from 'node:util';
import { BackendStartError, LaravelAppBackend } from 'sanctum-spa-kit/driver';
import { provisionBundledApp } from '../app-under-test/harness/provision-bundled-app.ts';
import { LARAVEL_LINES, type LaravelLine } from '../app-under-test/harness/lines.ts';
import { appDirOf, projectDir, spaDistDir } from '../app-under-test/harness/paths.ts';
import { loadHarnessSettings } from '../app-under-test/harness/settings.ts';
import { harnessAccounts, harnessUser } from '../app-under-test/harness/test-accounts.ts';
import { startSpaServer } from '../app-under-test/spa/server.ts';
import { runCli } from './cli-errors.ts';

await runCli(async () => {
  const { values } = parseArgs({
    options: {
      line: { type: 'string' },
      'api-port': { type: 'string', default: '8000' },
      'spa-port': { type: 'string', default: '5173' },
      'spa-origin': { type: 'string' },
    },
  });
  const harness = loadHarnessSettings(projectDir);
  const line = (values.line ?? harness.KIT_LARAVEL_LINE) as LaravelLine;
  if (!LARAVEL_LINES.includes(line))
    throw new BackendStartError(`--line=${line}: expected one of ${LARAVEL_LINES.join(', ')}`);
  const host = harness.KIT_HOST;
  const spaOrigin = values['spa-origin'] ?? `http://${host}:${values['spa-port']}`;
  const user = harnessUser(harness);
  await provisionBundledApp(harness, line);
  const api = new LaravelAppBackend({
    appDir: appDirOf(line),
    php: harness.KIT_PHP_BINARY,
    env: {},
    host,
    users: harnessAccounts(harness),
    readyTimeoutMs: 15_000,
  });
  await api.prepare();
  const backend = await api.start({ spaOrigin, envOverrides: {}, workerIndex: 0, port: Number(values['api-port']) });
  const spa = values['spa-origin']
    ? undefined
    : await startSpaServer({
        distDir: spaDistDir,
        host: '127.0.0.1',
        port: Number(values['spa-port']),
        apiOrigin: backend.apiOrigin,
      }).catch(async (error) => {
        await backend.stop();
        throw (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
          ? new BackendStartError(
              `SPA port ${values['spa-port']} is already in use: stop what listens there or pass --spa-port`,
            )
          : error;
      });

  console.log(`API  ${backend.apiOrigin}   (Laravel ${backend.facts.laravelVersion}, PHP ${backend.facts.phpVersion})`);
  console.log(`SPA  ${spaOrigin}${spa ? '' : '   (not started here: the API trusts it)'}`);
  console.log(`User ${user.email} / ${user.password}`);
  console.log(`DB   ${backend.facts.database?.name ?? '(unknown)'}   (a copy of the seeded database, removed on exit)`);
  console.log('Ctrl-C stops everything.');

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await Promise.all([spa?.close(), backend.stop()]);
  console.log('stopped');
});
