import { defineSanctumConfig } from 'sanctum-spa-kit/config';

// Your own Laravel app, started per worker with its own SQLite copy; your SPA's dev server per worker too
// (--bypass-lock: Vite 8.4+ otherwise refuses a second dev server of one project, the other worker's).
export default defineSanctumConfig(
  {
    backend: {
      laravel: {
        appDir: process.env.APP_DIR ?? '../api',
        // The app's environment for a run that changes a setting without editing the app.
        env: JSON.parse(process.env.APP_ENV_OVERRIDES ?? '{}'),
        spa: {
          command: 'npx vite --port {port} --strictPort --bypass-lock',
          env: { VITE_API_URL: '{api}' },
          cwd: process.env.SPA_DIR ?? '../spa',
        },
      },
    },
    // The roles e2e/account.spec.ts signs in as: the kit creates each in its database copies.
    roles: {
      member: { email: 'test@example.com', password: 'password' },
      reviewer: { email: 'reviewer@example.com', password: 'password', name: 'Reviewer' },
    },
  },
  { testDir: './e2e', workers: 2, fullyParallel: true },
);
