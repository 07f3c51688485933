import { defineConfig } from 'tsup';

// The published library: ESM and CommonJS, with type declarations for both,
// from fixtures/ only (the harness is not shipped): one entry per public subpath (fixtures/public/),
// the bin, and the three modules Playwright loads by path. Their names keep the
// source layout under fixtures/, so the config factory finds its global setup and reporters
// at dist/playwright/ as it finds them at fixtures/playwright/ in the source tree.
export default defineConfig({
  entry: {
    index: 'fixtures/public/index.ts',
    config: 'fixtures/public/config.ts',
    fixtures: 'fixtures/public/fixtures.ts',
    diagnosis: 'fixtures/public/diagnosis.ts',
    driver: 'fixtures/public/driver.ts',
    reporter: 'fixtures/public/reporter.ts',
    'playwright/global-setup': 'fixtures/playwright/global-setup.ts',
    'playwright/diagnosis-reporter': 'fixtures/playwright/diagnosis-reporter.ts',
    'playwright/mask-reporter': 'fixtures/playwright/mask-reporter.ts',
    cli: 'fixtures/tools/cli.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  // Source maps beside each file, so Playwright (whose source-map-support reads a file's
  // sourceMappingURL even in node_modules) names a test's location and each failure's frames in
  // the kit's TypeScript, which the package ships (package.json "files"): a line a user can open,
  // never one of the bundle. The maps point at those shipped files instead of embedding them.
  sourcemap: true,
  esbuildOptions(options) {
    options.sourcesContent = false;
  },
  clean: true,
  // import.meta.url in the CommonJS build (the package finds its PHP helpers and global setup by it).
  shims: true,
  target: 'node20',
  external: ['@playwright/test', 'dotenv', 'zod'],
  outDir: 'dist',
});
