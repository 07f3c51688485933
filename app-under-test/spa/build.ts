// Builds the SPA with Vite's JavaScript API, skipped when nothing that goes
// into the bundle changed since the last build (hash stamp inside dist/).
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lock } from 'proper-lockfile';

const spaDir = path.dirname(fileURLToPath(import.meta.url));
const distDir = path.join(spaDir, 'dist');
const stampFile = path.join(distDir, '.build-stamp');
const INPUTS = ['index.html', 'vite.config.ts', 'runtimeConfigScript.ts', 'src'];

async function filesOf(relative: string): Promise<string[]> {
  const absolute = path.join(spaDir, relative);
  const entries = await readdir(absolute, { recursive: true, withFileTypes: true }).catch(() => null);
  if (entries === null) return [absolute];
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

async function inputsHash(): Promise<string> {
  const hash = createHash('sha256');
  const vitePackage = path.join(spaDir, '..', '..', 'node_modules', 'vite', 'package.json');
  for (const file of [vitePackage, ...(await Promise.all(INPUTS.map(filesOf))).flat()]) {
    hash
      .update(path.relative(spaDir, file))
      .update('\0')
      .update(await readFile(file));
  }
  return hash.digest('hex');
}

/** Returns true when it built, false when dist/ was already current. */
export async function buildSpa({ force = false } = {}): Promise<boolean> {
  const hash = await inputsHash();
  if (!force && (await currentStamp()) === hash) return false;
  // Two runs at once in one checkout: the second waits for the first's build, then finds it current.
  const release = await lock(spaDir, {
    lockfilePath: path.join(spaDir, '.build.lock'),
    retries: { retries: 600, minTimeout: 100, maxTimeout: 100 },
  });
  try {
    if (!force && (await currentStamp()) === hash) return false;
    const { build } = await import('vite');
    await build({ configFile: path.join(spaDir, 'vite.config.ts'), root: spaDir, logLevel: 'warn' });
    await writeFile(stampFile, hash);
    return true;
  } finally {
    await release();
  }
}

function currentStamp(): Promise<string> {
  return readFile(stampFile, 'utf8').catch(() => '');
}

export { distDir as spaDistDir };
