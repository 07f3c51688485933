import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const FACTORY = path.join(REPO, 'fixtures/config/define-sanctum-config.ts');
const PUBLIC_API = path.join(REPO, 'fixtures/public/index.ts');

/**
 * A consuming team's project in `dir`: a playwright.config.ts calling
 * defineSanctumConfig with `backendSource` (TypeScript for the `backend`
 * value), 2 workers, and e2e/sanctum.spec.ts running the kit's flows and wire
 * checks. The kit's node_modules is linked in; `api/artisan` exists for a
 * laravel appDir of './api'.
 */
export async function writeConsumerProject(dir: string, backendSource: string): Promise<void> {
  await mkdir(path.join(dir, 'e2e'), { recursive: true });
  await mkdir(path.join(dir, 'api'));
  await writeFile(path.join(dir, 'api', 'artisan'), '<?php\n');
  await symlink(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'));
  await writeFile(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  await writeFile(
    path.join(dir, 'playwright.config.ts'),
    [
      `import { defineSanctumConfig } from ${JSON.stringify(FACTORY)};`,
      'export default defineSanctumConfig(',
      `  { backend: ${backendSource} },`,
      "  { testDir: './e2e', workers: 2, fullyParallel: true },",
      ');',
    ].join('\n'),
  );
  await writeFile(
    path.join(dir, 'e2e', 'sanctum.spec.ts'),
    [
      `import { sanctumFlows, sanctumWireChecks, test } from ${JSON.stringify(PUBLIC_API)};`,
      "const form = (page) => page.getByRole('form', { name: 'Log in' });",
      'sanctumFlows(test, {',
      "  emailInput: (page) => page.getByLabel('Email'),",
      "  passwordInput: (page) => page.getByLabel('Password'),",
      "  submitButton: (page) => page.getByRole('button', { name: 'Log in' }),",
      '  signedOut: form,',
      '  signedIn: (page, user) => page.getByText(user.email),',
      "  loginError: (page) => form(page).getByRole('alert'),",
      "  logOutButton: (page) => page.getByRole('button', { name: 'Log out' }),",
      '});',
      'sanctumWireChecks(test);',
    ].join('\n'),
  );
}

/** The kit's bundled Laravel app (vendor/ installed by the harness's provisioning). */
export const BUNDLED_LARAVEL_APP = path.join(REPO, 'app-under-test/apps/laravel12');

/** backend.laravel with `appDir` ('./api', a bare artisan, by default) and an SPA command run by `spaProgram`. */
export function laravelBackendSource(spaProgram: string, appDir = './api'): string {
  const spaCommand = `${spaProgram} dev -p {port}`;
  return `{ laravel: { appDir: ${JSON.stringify(appDir)}, spa: { command: ${JSON.stringify(spaCommand)} } } }`;
}
