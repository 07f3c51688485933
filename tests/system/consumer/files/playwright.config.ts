import { defineSanctumConfig } from 'sanctum-spa-kit/config';

export default defineSanctumConfig(
  { backend: { external: { apiUrl: 'http://localhost:8000', spaUrl: 'http://localhost:5173' } } },
  { testDir: './e2e' },
);
