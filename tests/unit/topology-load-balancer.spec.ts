import { REPLICA_HEADER } from '../../fixtures/core/topology/replicas-topology.ts';
import { freePort } from '../../fixtures/runtime/process/free-port.ts';
import { startLoadBalancer } from '../../fixtures/runtime/topology/load-balancer.ts';
import { ask, expect, generatedConfig, nginxTest, test, type Answer } from './support/topology-fixtures.ts';

// The replicas topology's nginx: round-robin over two replicas without
// stickiness or failover, preflights in a pool of their own, and the replica
// that answered named on every answer.

/** "<server that answered> <X-Replica>" for each answer: r1 must be the first replica, r2 the second. */
const served = (answers: Answer[]) =>
  answers.map((answer) => `${answer.echo?.server ?? answer.status} ${answer.headers[REPLICA_HEADER]}`);

test('the config holds both replicas in the calls pool and in the preflights pool, named r1 and r2', async ({
  upstream,
  running,
}) => {
  const [first, second, port] = [await upstream('first'), await upstream('second'), await freePort()];
  await running(startLoadBalancer({ port, replicaPorts: [first.port, second.port], readyTimeoutMs: 10_000 }));
  const config = await generatedConfig(port);
  const servers = `    server 127.0.0.1:${first.port} max_fails=0;\n    server 127.0.0.1:${second.port} max_fails=0;`;
  expect(config, 'the calls pool').toContain(`upstream replicas {\n    zone replicas 64k;\n${servers}\n  }`);
  expect(config, 'the preflights pool').toContain(`upstream preflights {\n    zone preflights 64k;\n${servers}\n  }`);
  expect(config, 'OPTIONS to the preflights').toContain(
    'map $request_method $pool { default replicas; OPTIONS preflights; }',
  );
  expect(config, 'the names').toContain(`"127.0.0.1:${first.port}" r1;\n    "127.0.0.1:${second.port}" r2;`);
  expect(config, 'X-Replica on every answer').toContain('add_header X-Replica $replica always;');
  expect(config, 'no failover').toContain('proxy_next_upstream off;');
  expect(config, 'listens on loopback').toContain(`listen 127.0.0.1:${port};`);
  expect(await nginxTest(port), 'nginx -t').toContain('test is successful');
});

test('calls alternate between the replicas, each answer naming the replica that served it', async ({
  upstream,
  running,
}) => {
  const [first, second, port] = [await upstream('first'), await upstream('second'), await freePort()];
  await running(startLoadBalancer({ port, replicaPorts: [first.port, second.port], readyTimeoutMs: 10_000 }));
  const answers: Answer[] = [];
  for (let call = 0; call < 4; call++) answers.push(await ask(port, '127.0.0.1', { path: '/api/user' }));
  const [one, two] = served(answers);
  expect([one, two].sort(), 'both replicas, each under its own name').toEqual(['first r1', 'second r2']);
  expect(served(answers), 'round-robin').toEqual([one, two, one, two]);
  expect(answers[0].echo?.headers.host, 'the replica sees the Host asked for').toBe(`127.0.0.1:${port}`);
});

test('a preflight between two calls does not send both calls to the same replica', async ({ upstream, running }) => {
  const [first, second, port] = [await upstream('first'), await upstream('second'), await freePort()];
  await running(startLoadBalancer({ port, replicaPorts: [first.port, second.port], readyTimeoutMs: 10_000 }));
  const answers: Answer[] = [];
  for (const method of ['GET', 'OPTIONS', 'GET', 'OPTIONS'])
    answers.push(await ask(port, '127.0.0.1', { method, path: '/login' }));
  const [call, preflight, nextCall, nextPreflight] = served(answers);
  expect(nextCall, 'the second call goes to the other replica').not.toBe(call);
  expect(nextPreflight, 'preflights rotate on their own').not.toBe(preflight);
});

test('errors carry X-Replica too, and a dead replica shows as 502s naming it, never retried on the other', async ({
  upstream,
  running,
}) => {
  const [failing, port, deadPort] = [await upstream('failing', 500), await freePort(), await freePort()];
  await running(startLoadBalancer({ port, replicaPorts: [failing.port, deadPort], readyTimeoutMs: 10_000 }));
  const answers = [await ask(port, '127.0.0.1'), await ask(port, '127.0.0.1')];
  expect(answers.map((answer) => answer.status).sort(), 'the 500 passed on, the dead one a 502').toEqual([500, 502]);
  expect(served(answers).sort(), 'each named').toEqual(['502 r2', 'failing r1']);
});
