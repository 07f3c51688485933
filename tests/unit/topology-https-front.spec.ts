import { readFile } from 'node:fs/promises';
import { topologyHosts, type HttpsTopology } from '../../fixtures/core/topology/https-topology.ts';
import { apiListening } from '../../fixtures/runtime/process/api-probe.ts';
import { planHttpsFront, startHttpsFront } from '../../fixtures/runtime/topology/https-front.ts';
import { makeLocalTls } from '../../fixtures/runtime/topology/local-tls.ts';
import { runTlsDir } from '../../fixtures/runtime/topology/run-tls.ts';
import { askThroughProxy, askThroughTunnel, expect, test, tunnel } from './support/topology-fixtures.ts';

// A worker's public side in the https topology: one nginx port for both
// names, and the name proxy request contexts reach them through.

const RUN_TLS_DIR = 'SANCTUM_KIT_RUN_TLS_DIR';

/** The run's TLS folder for this test (runTlsDir() reads the variable), restored afterwards. */
const frontTest = test.extend<{ runTls: string }>({
  runTls: async ({}, use, testInfo) => {
    const before = process.env[RUN_TLS_DIR];
    process.env[RUN_TLS_DIR] = testInfo.outputPath('run-tls');
    await use(runTlsDir());
    if (before === undefined) delete process.env[RUN_TLS_DIR];
    else process.env[RUN_TLS_DIR] = before;
  },
});

test('the plan puts both names on one free port: https, http for the plain twin, the SPA elsewhere', async () => {
  const front = await planHttpsFront({ domain: 'example.test' });
  expect(front).toMatchObject({
    spaOrigin: `https://app.example.test:${front.port}`,
    apiOrigin: `https://api.example.test:${front.port}`,
  });
  expect(await apiListening(`http://127.0.0.1:${front.port}`), 'the port is free').toBe(false);
  const plain = await planHttpsFront({ domain: 'example.test', plainHttp: true });
  expect(plain.apiOrigin, 'plain http').toBe(`http://api.example.test:${plain.port}`);
  const crossSite = await planHttpsFront({ domain: 'example.test', spaHost: 'app.other.test' });
  expect(crossSite.spaOrigin, 'the SPA elsewhere').toBe(`https://app.other.test:${crossSite.port}`);
});

frontTest(
  'through the name proxy, https://api.example.test reaches the API as https; stop() ends both',
  async ({ runTls, upstream }) => {
    const topology: HttpsTopology = { domain: 'example.test' };
    const tls = await makeLocalTls(runTls, topologyHosts(topology));
    const [api, spa, front] = [await upstream('api'), await upstream('spa'), await planHttpsFront(topology)];
    const running = await startHttpsFront(front, { apiPort: api.port, spaPort: spa.port }, 10_000);
    try {
      const proxyPort = Number(new URL(running.requestProxy).port);
      const { socket } = await tunnel(proxyPort, `api.example.test:${front.port}`);
      const ca = await readFile(tls.caFile, 'utf8');
      const answer = await askThroughTunnel(socket, 'api.example.test', front.port, {
        path: '/sanctum/csrf-cookie',
        ca,
      });
      expect(answer.echo).toMatchObject({
        server: 'api',
        headers: { 'x-forwarded-proto': 'https', host: `api.example.test:${front.port}` },
      });
    } finally {
      await running.stop();
    }
    expect(await apiListening(`http://127.0.0.1:${front.port}`), 'nginx stopped').toBe(false);
    expect(await apiListening(running.requestProxy), 'the name proxy closed').toBe(false);
  },
);

test('the plain-http twin needs no certificate: the SPA answers through the proxy with X-Forwarded-Proto http', async ({
  upstream,
}) => {
  const topology: HttpsTopology = { domain: 'example.test', plainHttp: true };
  const [api, spa, front] = [await upstream('api'), await upstream('spa'), await planHttpsFront(topology)];
  const running = await startHttpsFront(front, { apiPort: api.port, spaPort: spa.port }, 10_000);
  try {
    const answer = await askThroughProxy(Number(new URL(running.requestProxy).port), `${front.spaOrigin}/`);
    expect(answer.echo).toMatchObject({ server: 'spa', headers: { 'x-forwarded-proto': 'http' } });
  } finally {
    await running.stop();
  }
});
