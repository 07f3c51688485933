import { defineSanctumConfig } from 'sanctum-spa-kit/config';

// Acme's SPA against a Laravel API that runs outside the kit. Here both are started by
// Playwright's webServer (the kit's bundled API stands in for Acme's own `php artisan serve`).
export default defineSanctumConfig(
  {
    backend: { external: { apiUrl: 'http://localhost:8010', spaUrl: 'http://localhost:5180' } },
    // Accounts Acme's seeder makes, for tests that start signed in (e2e/account.spec.ts).
    roles: {
      member: { email: 'test@example.com', password: 'password' },
      reviewer: { email: 'reviewer@example.com', password: 'password' },
    },
  },
  {
    testDir: './e2e',
    webServer: [
      {
        command: 'npm --prefix ../.. run dev -- --api-port=8010 --spa-origin=http://localhost:5180',
        url: 'http://localhost:8010/up',
      },
      { command: 'npx vite --port 5180', url: 'http://localhost:5180', env: { VITE_API_URL: 'http://localhost:8010' } },
    ],
  },
);
