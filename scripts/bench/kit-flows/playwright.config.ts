// The kit's side of `npm run bench -- --only=flows-floor` as a team writes it: the README's config
// (the stack at KIT_API_URL / KIT_SPA_URL, read by the kit) and one worker, as the floor has.
import { defineSanctumConfig } from 'sanctum-spa-kit/config';

export default defineSanctumConfig(
  { backend: { external: { apiUrl: 'http://localhost:8000', spaUrl: 'http://localhost:5173' } } },
  { testDir: '.', workers: 1 },
);
