// npm run lint: typescript-eslint's recommended rules and eslint-plugin-playwright's for specs
// and the library's suites (they are specs a consumer runs). Formatting is prettier's alone.
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import playwright from 'eslint-plugin-playwright';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '.cache/',
      'dist/',
      'app-under-test/apps/',
      'app-under-test/spa/dist/',
      'playwright-report/',
      'test-results/',
      '**/node_modules/',
      // next dev's generated build folders (.next, .next-kit/<worker>) in examples/nextjs
      'examples/nextjs/.next*/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      // Playwright's fixtures take `{}` when they need no other fixture, and its generics `{}` for "none".
      'no-empty-pattern': 'off',
      '@typescript-eslint/no-empty-object-type': ['error', { allowObjectTypes: 'always' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // prettier wraps code at 120 but never splits a string or a comment: this catches the lines it leaves long.
    plugins: { '@stylistic': stylistic },
    rules: { '@stylistic/max-len': ['error', { code: 120, tabWidth: 2, ignoreUrls: true }] },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    files: ['tests/**/*.spec.ts', 'fixtures/suites/**/*.ts', 'examples/**/*.spec.ts'],
    ...playwright.configs['flat/recommended'],
    rules: {
      ...playwright.configs['flat/recommended'].rules,
      // A check that cannot run on this stack (an external one without KIT_ALLOW_WRITES) says so, with the reason.
      'playwright/no-skipped-test': ['error', { allowConditional: true }],
    },
  },
  {
    // The library's suites run against any stack: what they expect depends on what the app reports
    // (a stack the kit started, or an external one that shows only its wire).
    files: ['fixtures/suites/**/*.ts'],
    rules: { 'playwright/no-conditional-in-test': 'off', 'playwright/no-conditional-expect': 'off' },
  },
);
