import { defineSanctumConfig } from 'sanctum-spa-kit/config';

// The team's Laravel API (here the kit's bundled one) started per worker; `next dev` per worker too, each
// with its own build folder (next dev locks it) and that worker's API and origin.
const appDir = '../../app-under-test/apps/laravel12';
const env = { NEXT_PUBLIC_API_URL: '{api}', APP_URL: '{origin}', NEXT_DIST_DIR: '.next-kit/{worker}' };
// A cold build folder compiles the first page when it is first asked: give it more than the default 30 s.
const spa = { command: 'npx next dev -p {port}', env, timeoutMs: 120_000 };
export default defineSanctumConfig(
  { backend: { laravel: { appDir, spa } } },
  { testDir: './e2e', workers: 2, fullyParallel: true },
);
