import type { BackendOption, SpaOption } from 'sanctum-spa-kit/config';
import { DockerBackend } from '../../docker/driver/docker-backend.ts';
import { BackendStartError } from 'sanctum-spa-kit/driver';
import { startSpaServer } from '../spa/server.ts';
import { ssrRenderer } from '../spa/ssr-render.ts';
import { describeLine, NATIVE_PHP_LINE, type BackendLine } from './lines.ts';
import { appDirOf, spaDistDir } from './paths.ts';
import type { BackendName } from './resolve-backend.ts';
import type { HarnessSettings } from './settings-schema.ts';
import { harnessAccounts } from './test-accounts.ts';

/** The bundled SPA, served from the worker's own process (ready in milliseconds), pointed at that worker's API. */
export const bundledSpa: SpaOption = {
  // Bound on loopback; browsed as the SPA origin (same host as the API, so cookies are shared).
  serve: async ({ apiOrigin, port }) => {
    const server = await startSpaServer({ distDir: spaDistDir, host: '127.0.0.1', port, apiOrigin });
    return { stop: () => server.close() };
  },
};

/**
 * The bundled SPA rendered on the server (the SSR topology): each page asks
 * the API who the visitor is first. forwardOrigin false is its twin;
 * identityOnServer, the shape whose browser never asks GET /api/user.
 */
export function bundledSsrSpa({
  forwardOrigin,
  identityOnServer = false,
}: {
  forwardOrigin: boolean;
  identityOnServer?: boolean;
}): SpaOption {
  return {
    serve: async ({ apiOrigin, host, port }) => {
      const spaOrigin = `http://${host}:${port}`;
      const renderPage = ssrRenderer({ apiOrigin, spaOrigin, forwardOrigin, identityOnServer });
      const server = await startSpaServer({ distDir: spaDistDir, host: '127.0.0.1', port, apiOrigin, renderPage });
      return { stop: () => server.close() };
    },
  };
}

const dockerBackends = new Map<string, BackendOption>();

/**
 * The bundled app as the library's backend option: natively, it is what any
 * consumer's app is (backend.laravel.appDir); on docker, a driver per line,
 * one object per line so the kit's global setup prepares each image once.
 */
export function bundledBackend(
  settings: HarnessSettings,
  backendName: Exclude<BackendName, 'external'>,
  line: BackendLine,
): BackendOption {
  if (backendName === 'native') {
    if (line.php !== NATIVE_PHP_LINE) {
      throw new BackendStartError(
        `the native backend runs on this machine's PHP ${NATIVE_PHP_LINE}; ` +
          `${describeLine(line)} needs KIT_BACKEND=docker`,
      );
    }
    return { laravel: { appDir: appDirOf(line.laravel), php: settings.KIT_PHP_BINARY, spa: bundledSpa } };
  }
  const key = describeLine(line);
  let backend = dockerBackends.get(key);
  if (!backend) {
    const users = harnessAccounts(settings);
    backend = {
      driver: new DockerBackend({ host: settings.KIT_HOST, line, dockerBinary: settings.KIT_DOCKER_BINARY, users }),
      spa: bundledSpa,
    };
    dockerBackends.set(key, backend);
  }
  return backend;
}
