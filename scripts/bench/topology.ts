import { rm } from 'node:fs/promises';
import type { SanctumSettings } from 'sanctum-spa-kit/config';
import { bundledSpa, bundledSsrSpa } from '../../app-under-test/harness/bundled-backend.ts';
import { DEFAULT_LINE } from '../../app-under-test/harness/lines.ts';
import { appDirOf } from '../../app-under-test/harness/paths.ts';
import type { HarnessSettings } from '../../app-under-test/harness/settings-schema.ts';
import { harnessUser } from '../../app-under-test/harness/test-accounts.ts';
import { freePort } from '../../fixtures/runtime/process/free-port.ts';
import { startStack } from '../../fixtures/runtime/stack/start-stack.ts';
import { topologyHosts } from '../../fixtures/core/topology/https-topology.ts';
import { makeLocalTls } from '../../fixtures/runtime/topology/local-tls.ts';
import { runTlsDir } from '../../fixtures/runtime/topology/run-tls.ts';
import { startTlsProxy } from '../../fixtures/runtime/topology/tls-proxy.ts';
import { measure, type Figures } from './measure.ts';

/**
 * Each topology's readiness: https (the run's TLS material, nginx alone, a whole worker stack behind it), replicas,
 * SSR.
 */
export async function benchTopology(
  report: (label: string, runs: number, figures: Figures) => void,
  harness: HarnessSettings,
): Promise<void> {
  const topology = { domain: 'example.test' };
  const hosts = topologyHosts(topology);
  report(
    "https topology: the run's CA, certificate and browser trust (mkcert -ecdsa + certutil, once per run)",
    5,
    await measure(5, () => makeLocalTls(runTlsDir(), hosts)),
  );
  const tls = await makeLocalTls(runTlsDir(), hosts);
  report(
    'https topology: nginx with TLS, start to its port answering',
    5,
    await measure(5, async () => {
      const proxy = await startTlsProxy({
        port: await freePort(),
        routes: [{ serverName: hosts[0], upstreamPort: await freePort() }],
        tls,
        readyTimeoutMs: 10_000,
      });
      await proxy.stop();
    }),
  );
  const settings: SanctumSettings = {
    backend: { laravel: { appDir: appDirOf(DEFAULT_LINE.laravel), php: harness.KIT_PHP_BINARY, spa: bundledSpa } },
    user: harnessUser(harness),
    roles: {},
    expect: {},
    allowWrites: false,
    showSecrets: false,
    readyTimeoutMs: 15_000,
    host: harness.KIT_HOST,
    topology: { https: topology },
  };
  report(
    "https topology: a worker's stack ready (API /up + SPA + nginx with TLS + name proxy)",
    5,
    await measure(5, async () => {
      const stack = await startStack(settings, 98);
      await stack.stop();
    }),
  );
  report(
    "replicas topology: a worker's stack ready (Redis + 2 php -S replicas /up + nginx load balancer + SPA)",
    5,
    await measure(5, async () => {
      const stack = await startStack({ ...settings, topology: { replicas: {} } }, 98);
      await stack.stop();
    }),
  );
  report(
    "ssr topology: a worker's stack ready (API /up + the SSR server)",
    5,
    await measure(5, async () => {
      const stack = await startStack(
        {
          ...settings,
          topology: undefined,
          backend: {
            laravel: {
              appDir: appDirOf(DEFAULT_LINE.laravel),
              php: harness.KIT_PHP_BINARY,
              spa: bundledSsrSpa({ forwardOrigin: true }),
            },
          },
        },
        98,
      );
      await stack.stop();
    }),
  );
  await rm(runTlsDir(), { recursive: true, force: true });
}
