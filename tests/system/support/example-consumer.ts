import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import { projectDir } from '../../../app-under-test/harness/paths.ts';
import { freshConsumer } from '../consumer/fresh-consumer.ts';
import { runCommand } from './playwright-pass.ts';

/** examples/consumer: a team's repository (its axios SPA, its spec and adapter) using the kit from the tarball. */
export const exampleDir = path.join(projectDir, 'examples', 'consumer');

/**
 * examples/nextjs: a team's server-rendered Next.js frontend (create-next-app, then its own login page and axios),
 * tested in laravel mode against the bundled Laravel app.
 */
export const nextjsExampleDir = path.join(projectDir, 'examples', 'nextjs');

/**
 * An example's dependencies (examples/consumer unless told), the kit's current tarball among them (npm keeps a file:
 * tarball it has seen, so it goes first).
 */
export async function installExample(dir = exampleDir): Promise<void> {
  await rm(path.join(dir, 'node_modules', 'sanctum-spa-kit'), { recursive: true, force: true });
  await runCommand('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock'], dir);
}

/**
 * A fresh consumer whose config runs its own Laravel app (APP_DIR) with the example's adapter and spec, its SPA
 * (SPA_DIR) served per worker by Vite.
 */
export async function laravelAppConsumer(tarball: string): Promise<string> {
  const dir = await freshConsumer({
    type: 'module',
    tarball,
    files: { 'playwright.config.ts': 'laravel-app.config.ts' },
  });
  await cp(path.join(exampleDir, 'e2e'), path.join(dir, 'e2e'), { recursive: true });
  return dir;
}
