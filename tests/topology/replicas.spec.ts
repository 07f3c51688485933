import { expect, SpaPage, test } from 'sanctum-spa-kit';
import { bundledSpaAdapter } from '../bundled-spa/adapter.ts';

// The replicas topology really spreads one user's requests: within one
// sign-in and reload, both replicas answer (X-Replica, added by the load
// balancer), and the session holds whichever one answers.

test('one sign-in and a reload hit both replicas, and the session holds on each', async ({
  page,
  traffic,
  spaOrigin,
  testUser,
}) => {
  const spa = new SpaPage(page, spaOrigin, bundledSpaAdapter);
  await spa.open();
  await expect(spa.signedOut).toBeVisible();
  const loginCall = traffic.waitFor('POST', '/login');
  await spa.logIn(testUser);
  expect((await loginCall).response?.status, 'POST /login through the load balancer').toBe(204);
  await expect(spa.signedIn(testUser)).toBeVisible();
  for (let reload = 0; reload < 2; reload++) {
    const user = traffic.waitFor('GET', '/api/user');
    await page.reload();
    expect(
      (await user).response?.status,
      `GET /api/user after reload ${reload + 1}, answered by ${(await user).response?.replica}`,
    ).toBe(200);
  }
  await traffic.settled();
  const replicas = traffic.exchanges.map((exchange) => exchange.response?.replica);
  expect(replicas.every(Boolean), 'every answer names its replica (X-Replica)').toBe(true);
  expect(new Set(replicas), `the answers came from both replicas: ${replicas.join(' ')}`).toEqual(
    new Set(['r1', 'r2']),
  );
  const repeats = replicas.filter((replica, index) => index > 0 && replica === replicas[index - 1]).length;
  expect(repeats, `consecutive calls alternate replicas (round-robin, no stickiness): ${replicas.join(' ')}`).toBe(0);
  const signedIn = traffic
    .all('GET', '/api/user')
    .filter((exchange) => exchange.response?.status === 200)
    .map((exchange) => exchange.response?.replica);
  expect(new Set(signedIn), 'signed in on both replicas').toEqual(new Set(['r1', 'r2']));
});
