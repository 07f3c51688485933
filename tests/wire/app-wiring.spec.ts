import { expect, test } from 'sanctum-spa-kit';

// Inspects the bundled app's wiring by booting it (app-facts.php): what the
// wire alone cannot tell apart. Not run against an external stack.

const STATEFUL = 'Laravel\\Sanctum\\Http\\Middleware\\EnsureFrontendRequestsAreStateful';

test('bootstrap/app.php wires Sanctum stateful middleware into the api group and the verified alias', async ({
  appFacts,
}) => {
  expect(
    appFacts.apiMiddlewareGroup,
    `the api middleware group must contain ${STATEFUL} (breeze:install api prepends it)`,
  ).toContain(STATEFUL);
  expect(
    appFacts.middlewareAliases?.verified,
    "the `verified` middleware alias must point at the app's EnsureEmailIsVerified",
  ).toBe('App\\Http\\Middleware\\EnsureEmailIsVerified');
});

test('config/cors.php allows the SPA origin with credentials, as Breeze publishes it', async ({
  appFacts,
  spaOrigin,
}) => {
  expect(appFacts.cors?.allowed_origins, 'allowed_origins = [FRONTEND_URL]').toEqual([spaOrigin]);
  expect(appFacts.cors?.supports_credentials, 'supports_credentials').toBe(true);
  expect(appFacts.statefulDomains, 'SANCTUM_STATEFUL_DOMAINS holds the SPA host:port').toContain(
    new URL(spaOrigin).host,
  );
});
