import { defineSanctumConfig } from 'sanctum-spa-kit/config';

// The team's Laravel API (here the kit's bundled one) started per worker; `next dev` per worker too, each
// with its own build folder (next dev locks it) and that worker's API and origin.
const appDir = '../../app-under-test/apps/laravel12';
const env = { NEXT_PUBLIC_API_URL: '{api}', APP_URL: '{origin}', NEXT_DIST_DIR: '.next-kit/{worker}' };
export default defineSanctumConfig(
  { backend: { laravel: { appDir, spa: { command: 'npx next dev -p {port}', env } } } },
  { testDir: './e2e', workers: 2, fullyParallel: true },
);
