import { expect, sanctumWireChecks, test } from 'sanctum-spa-kit';

// The API's wire, walked with request contexts: the library's checks, as any
// consumer runs them, plus the health route the bundled app has.

sanctumWireChecks(test);

test('GET /up answers 200', async ({ spaClient }) => {
  expect((await spaClient.send('GET', '/up')).status()).toBe(200);
});
