import { test, expect } from '@playwright/test';
import { TrafficRecorder } from 'sanctum-spa-kit';
import { startLocalServer, json, deferred } from './support/local-server.ts';

test('answered before', async ({ page, context }) => {
  const hold = deferred();
  const api = await startLocalServer({ '/n': async (q, r) => { if (q.url?.includes('first')) { r.writeHead(200, {'content-type': 'application/json'}); r.write('{"a":'); await hold.promise; r.end('1}'); } else json(r, { url: q.url }); } });
  const rec = TrafficRecorder.attach(context, api.origin);
  await page.goto(api.origin);
  const first = page.waitForResponse('**/n?first');
  await page.evaluate(() => { fetch('/n?first').then(r => r.text()); });
  await first;
  let got = 'pending';
  console.log('at call', JSON.stringify(rec.exchanges.at(-1)?.response));
  const orig = (rec as any).answer.bind(rec); (rec as any).answer = (e: any) => { console.log('answer', e.path, e.method, new URL(e.url).pathname, [...(rec as any).waiters].map((w: any) => w.method + ' ' + w.path), !!e.response, e.failure, (rec as any).waiters.size); orig(e); };
  const w = rec.waitFor('GET', '/n');
  w.then((e) => got = e.path);
  hold.resolve();
  await rec.settled();
  await page.evaluate(() => 1);
  console.log('after settle', got, rec.summary());
  await page.evaluate(() => fetch('/n?second').then((r) => r.json()));
  expect((await w).path).toBe('/n?second');
  await api.close();
});
