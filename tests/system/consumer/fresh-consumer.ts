import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const filesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'files');
const run = promisify(execFile);

export interface FreshConsumerOptions {
  /** The package's module system: "module" (ESM) or "commonjs" (npm init's default). */
  type: 'module' | 'commonjs';
  tarball: string;
  /**
   * Files to copy in: their path in the new package → where they come from (relative to tests/system/consumer/files).
   */
  files: Record<string, string>;
}

/**
 * A new directory as a user makes one: `npm init -y`, the kit's tarball and
 * @playwright/test installed, a config, an adapter and a spec written, and
 * nothing else of the kit's (no tsconfig, no allowImportingTsExtensions).
 */
export async function freshConsumer({ type, tarball, files }: FreshConsumerOptions): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `sanctum-kit-consumer-${type}-`));
  await run('npm', ['init', '-y'], { cwd: dir });
  const manifest = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ ...manifest, type }, null, 2));
  const playwrightVersion = JSON.parse(
    await readFile(path.join(process.cwd(), 'node_modules/@playwright/test/package.json'), 'utf8'),
  ).version;
  await run('npm', ['install', '--no-audit', '--no-fund', tarball, `@playwright/test@${playwrightVersion}`], {
    cwd: dir,
  });
  for (const [target, source] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, target)), { recursive: true });
    await copyFile(path.join(filesDir, source), path.join(dir, target));
  }
  return dir;
}
