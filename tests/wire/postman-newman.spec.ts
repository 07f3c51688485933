import type { NewmanRunSummary } from 'newman';
import { expect, test } from 'sanctum-spa-kit';
import { postmanCollection } from 'sanctum-spa-kit/fixtures';

// The generated Postman collection, run by newman against this worker's API:
// every request's expected status passes; without the pre-request script the
// tutorial's symptom (419 on login, named by the collection's own test) shows.

// newman is imported when a test runs it: its dependencies take about a second to load, which every
// `playwright test --list` (what editors call) would otherwise pay.
async function runCollection(collection: object, password: string): Promise<NewmanRunSummary> {
  const { default: newman } = await import('newman');
  return new Promise((resolve, reject) => {
    newman.run({ collection, envVar: [{ key: 'password', value: password }], reporters: [] }, (error, summary) =>
      error ? reject(error) : resolve(summary),
    );
  });
}

/**
 * "Log in: POST /login answers 204: CSRF token mismatch …: expected 419 to deeply equal 204", one line per failed test.
 */
function failures(summary: NewmanRunSummary): string[] {
  return summary.run.failures.map(
    (failure) => `${failure.source?.name}: ${failure.error.test}: ${failure.error.message}`,
  );
}

test('newman runs the generated collection: every request answers as expected', async ({
  apiOrigin,
  spaOrigin,
  testUser,
}) => {
  const collection = postmanCollection({ apiUrl: apiOrigin, spaUrl: spaOrigin, email: testUser.email });
  const summary = await runCollection(collection, testUser.password);
  expect(failures(summary), 'failed tests of the collection').toEqual([]);
  expect(summary.run.stats.assertions.total, 'one status test per request').toBe(10);
});

test("without its pre-request script, the collection shows the tutorial's symptom: 419 on login, named", async ({
  apiOrigin,
  spaOrigin,
  testUser,
}) => {
  const collection = postmanCollection({
    apiUrl: apiOrigin,
    spaUrl: spaOrigin,
    email: testUser.email,
    withoutPreRequestScript: true,
  });
  const failed = failures(await runCollection(collection, testUser.password));
  expect(
    failed.find((line) => line.startsWith('Log in')),
    'the login fails for want of the CSRF token',
  ).toMatch(/CSRF token mismatch \(419\).*expected 419 to deeply equal 204/);
});
