import { readFile } from 'node:fs/promises';
import { freePort } from '../../fixtures/runtime/process/free-port.ts';
import { startNginx } from '../../fixtures/runtime/topology/nginx.ts';
import { startTlsProxy, type ProxyRoute } from '../../fixtures/runtime/topology/tls-proxy.ts';
import { ask, blockFor, expect, generatedConfig, nginxTest, serverBlocks, test } from './support/topology-fixtures.ts';

// The https topology's nginx: TLS for app.example.test and api.example.test on
// one loopback port, each name sent to its own server, with the headers
// Laravel's TrustProxies reads to know the request came over https.

/** The headers every virtual host sets for the server behind it. */
const FORWARDED = [
  'proxy_set_header Host $http_host;',
  'proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
  'proxy_set_header X-Forwarded-Proto $scheme;',
  'proxy_set_header X-Forwarded-Port $server_port;',
];

test('the config names each host in its own server block on the TLS port, with the run certificate', async ({
  upstream,
  running,
  localTls,
}) => {
  const [spa, api, port] = [await upstream('spa'), await upstream('api'), await freePort()];
  const routes: ProxyRoute[] = [
    { serverName: 'app.example.test', upstreamPort: spa.port },
    { serverName: 'api.example.test', upstreamPort: api.port },
  ];
  await running(startTlsProxy({ port, routes, tls: localTls, readyTimeoutMs: 10_000 }));
  const config = await generatedConfig(port);
  expect(config, 'the certificate').toContain(`ssl_certificate ${localTls.certFile};`);
  expect(config, 'its key').toContain(`ssl_certificate_key ${localTls.keyFile};`);
  expect(serverBlocks(config), 'one server per host').toHaveLength(2);
  for (const { serverName, upstreamPort } of routes) {
    const block = blockFor(config, serverName) ?? '';
    expect(block, `${serverName} listens on the TLS port`).toContain(`listen 127.0.0.1:${port} ssl;`);
    expect(block, `${serverName} goes to its own server`).toContain(`proxy_pass http://127.0.0.1:${upstreamPort};`);
    for (const header of FORWARDED) expect(block, `${serverName} sets ${header}`).toContain(header);
  }
  expect(await nginxTest(port), 'nginx -t').toContain('test is successful');
});

test('api.example.test reaches the API as https, with its Host and port; app.example.test the SPA', async ({
  upstream,
  running,
  localTls,
}) => {
  const [spa, api, port] = [await upstream('spa'), await upstream('api'), await freePort()];
  const routes = [
    { serverName: 'app.example.test', upstreamPort: spa.port },
    { serverName: 'api.example.test', upstreamPort: api.port },
  ];
  await running(startTlsProxy({ port, routes, tls: localTls, readyTimeoutMs: 10_000 }));
  const ca = await readFile(localTls.caFile, 'utf8');
  // TLS is verified against the run's CA, for the name asked.
  const viaApi = await ask(port, 'api.example.test', { path: '/api/user?x=1', ca });
  expect(viaApi.echo, 'the API got the request as the browser made it').toMatchObject({
    server: 'api',
    path: '/api/user?x=1',
    headers: {
      host: `api.example.test:${port}`,
      'x-forwarded-proto': 'https',
      'x-forwarded-port': String(port),
      'x-forwarded-for': '127.0.0.1',
    },
  });
  expect((await ask(port, 'app.example.test', { ca })).echo?.server, 'the SPA host').toBe('spa');
});

test('plain http (the Secure-over-http twin): no TLS on the port, and X-Forwarded-Proto says http', async ({
  upstream,
  running,
}) => {
  const [api, port] = [await upstream('api'), await freePort()];
  await running(
    startTlsProxy({
      port,
      routes: [{ serverName: 'api.example.test', upstreamPort: api.port }],
      readyTimeoutMs: 10_000,
    }),
  );
  const config = await generatedConfig(port);
  expect(config, 'no certificate').not.toContain('ssl_certificate');
  expect(blockFor(config, 'api.example.test'), 'a plain listen').toContain(`listen 127.0.0.1:${port};`);
  expect(await nginxTest(port), 'nginx -t').toContain('test is successful');
  const answer = await ask(port, 'api.example.test');
  expect(answer.echo?.headers, 'what TrustProxies reads').toMatchObject({
    'x-forwarded-proto': 'http',
    host: `api.example.test:${port}`,
  });
});

test("a config nginx refuses stops the start with nginx's own words, and leaves nothing running", async () => {
  const port = await freePort();
  const refusal = await startNginx({ port, httpBlock: '  bogus_directive on;', readyTimeoutMs: 10_000 }).then(
    (running) => running.stop().then(() => undefined),
    (error: Error) => error,
  );
  expect(refusal?.message, 'names the port').toContain(`the topology's nginx on port ${port} did not start`);
  expect(refusal?.message, "nginx's error").toContain('unknown directive "bogus_directive"');
  await expect(generatedConfig(port), 'its prefix removed').rejects.toThrow('ENOENT');
});
