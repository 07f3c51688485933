import { startNameProxy } from '../../fixtures/runtime/topology/name-proxy.ts';
import { askThroughProxy, askThroughTunnel, expect, test, tunnel } from './support/topology-fixtures.ts';

// The forward proxy request contexts use for the topology's names: those
// names go to loopback, every other name is refused, /etc/hosts untouched.

const proxyTest = test.extend<{ nameProxy: Awaited<ReturnType<typeof startNameProxy>> & { port: number } }>({
  nameProxy: async ({}, use) => {
    const proxy = await startNameProxy(['api.example.test', 'app.example.test']);
    await use({ ...proxy, port: Number(new URL(proxy.url).port) });
    await proxy.close();
  },
});

proxyTest(
  'a plain http request for a topology host goes to that port on 127.0.0.1, path and query kept',
  async ({ nameProxy, upstream }) => {
    const api = await upstream('api');
    const answer = await askThroughProxy(nameProxy.port, `http://api.example.test:${api.port}/api/user?page=2`);
    expect(answer.echo).toMatchObject({
      server: 'api',
      path: '/api/user?page=2',
      headers: { host: `api.example.test:${api.port}` },
    });
  },
);

proxyTest('any other name is refused with a 403, plain or tunnelled', async ({ nameProxy, upstream }) => {
  const api = await upstream('api');
  const plain = await askThroughProxy(nameProxy.port, `http://evil.test:${api.port}/`);
  expect(plain.status, 'plain http').toBe(403);
  const refused = await tunnel(nameProxy.port, `evil.test:${api.port}`);
  refused.socket.destroy();
  expect(refused.status, 'CONNECT').toBe(403);
});

proxyTest('a CONNECT tunnel for a topology host reaches 127.0.0.1 at its port', async ({ nameProxy, upstream }) => {
  const spa = await upstream('spa');
  const { status, socket } = await tunnel(nameProxy.port, `app.example.test:${spa.port}`);
  expect(status, 'the tunnel is established').toBe(200);
  const answer = await askThroughTunnel(socket, 'app.example.test', spa.port, { path: '/login' });
  expect(answer.echo).toMatchObject({ server: 'spa', path: '/login' });
});

test('close() ends a tunnel still open instead of waiting for it', async ({ upstream }) => {
  const spa = await upstream('spa');
  const proxy = await startNameProxy(['app.example.test']);
  const { socket } = await tunnel(Number(new URL(proxy.url).port), `app.example.test:${spa.port}`);
  const tunnelClosed = new Promise((resolve) => socket.once('close', resolve));
  await proxy.close();
  await tunnelClosed;
  expect(socket.destroyed, 'the held tunnel is gone').toBe(true);
});
