import { defineConfig } from 'tsup';

// The published library: ESM and CommonJS, with type declarations for both,
// from fixtures/ only (the harness is not shipped). Entry names keep the
// source layout, so config.ts finds its global setup beside it in dist/ too.
export default defineConfig({
  entry: { index: 'fixtures/index.ts', config: 'fixtures/config.ts', 'setup/global-setup': 'fixtures/setup/global-setup.ts', 'report/diagnosis-reporter': 'fixtures/report/diagnosis-reporter.ts', cli: 'fixtures/cli.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  // import.meta.url in the CommonJS build (the package finds its PHP helpers and global setup by it).
  shims: true,
  target: 'node20',
  external: ['@playwright/test', 'dotenv', 'zod'],
  outDir: 'dist',
});
