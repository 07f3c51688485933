import { defineSanctumConfig } from 'sanctum-spa-kit/config';

// Your own Laravel app, started per worker with its own SQLite copy; your SPA's dev server per worker too.
export default defineSanctumConfig(
  {
    backend: {
      laravel: {
        appDir: process.env.APP_DIR ?? '../api',
        spa: { command: 'npx vite --port {port} --strictPort', env: { VITE_API_URL: '{api}' }, cwd: process.env.SPA_DIR ?? '../spa' },
      },
    },
  },
  { testDir: './e2e', workers: 2, fullyParallel: true },
);
