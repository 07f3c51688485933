import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LaravelLine } from './lines.ts';

/** Where the kit's repository and its bundled app under test live on disk. */
export const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const appUnderTestDir = path.join(projectDir, 'app-under-test');
/** Where provisioning installs a line's app (the real installers' tree, readable and editable). */
export function appDirOf(laravel: LaravelLine): string {
  return path.join(appUnderTestDir, 'apps', `laravel${laravel}`);
}
export const spaDir = path.join(appUnderTestDir, 'spa');
export const spaDistDir = path.join(spaDir, 'dist');
/** Scratch space of the harness's own scripts (bench, e2e pass results). */
export const runCacheDir = path.join(projectDir, '.cache');
