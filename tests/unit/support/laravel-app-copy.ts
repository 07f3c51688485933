import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { DEFAULT_LINE } from '../../../app-under-test/harness/lines.ts';
import { appDirOf } from '../../../app-under-test/harness/paths.ts';

// The bundled Laravel 12 app's own files, copied to a folder a test may
// break: everything but vendor/ (and node_modules/, .git/), which is linked,
// read-only, so that the real framework can boot the copy and report its config.

const appDir = appDirOf(DEFAULT_LINE.laravel);
const NOT_COPIED = new Set(['vendor', 'node_modules', '.git']);

/** A fresh copy of the bundled app in `dir` (created), its vendor/ a link to the app's. */
export async function copyBundledApp(dir: string): Promise<string> {
  if (!existsSync(path.join(appDir, 'vendor'))) {
    throw new Error(
      `the bundled app is not provisioned at ${appDir}: npm run provision (the unit project's global setup does)`,
    );
  }
  await mkdir(dir, { recursive: true });
  for (const entry of await readdir(appDir)) {
    if (!NOT_COPIED.has(entry)) await cp(path.join(appDir, entry), path.join(dir, entry), { recursive: true });
  }
  await symlink(path.join(appDir, 'vendor'), path.join(dir, 'vendor'));
  return dir;
}

/** Every file of the copy by its path inside it (vendor/ left out), with its text. */
export async function filesOf(dir: string, inside = ''): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(path.join(dir, inside), { withFileTypes: true })) {
    const relative = path.join(inside, entry.name);
    if (entry.isFile()) files.set(relative, await readFile(path.join(dir, relative), 'utf8'));
    else if (entry.isDirectory() && !NOT_COPIED.has(relative))
      for (const [file, text] of await filesOf(dir, relative)) files.set(file, text);
  }
  return files;
}

/** The paths whose text differs between two snapshots, added and removed files included. */
export function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((file) => before.get(file) !== after.get(file)).sort();
}

/** Lines (trimmed, blank ones left out) one text has more of than the other: what an edit removed and added. */
export function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const count = (text: string) => {
    const lines = new Map<string, number>();
    for (const line of text
      .split('\n')
      .map((each) => each.trim())
      .filter(Boolean))
      lines.set(line, (lines.get(line) ?? 0) + 1);
    return lines;
  };
  const [old, now] = [count(before), count(after)];
  const surplus = (a: Map<string, number>, b: Map<string, number>) =>
    [...a].flatMap(([line, times]) => Array<string>(Math.max(0, times - (b.get(line) ?? 0))).fill(line));
  return { removed: surplus(old, now), added: surplus(now, old) };
}

/** `php -l`: rejects with PHP's own message when the file does not parse. */
export async function phpLint(file: string): Promise<void> {
  await promisify(execFile)('php', ['-l', file]).catch((error: { stdout?: string; stderr?: string }) => {
    throw new Error(`${file} does not parse: ${(error.stdout ?? '') + (error.stderr ?? '')}`.trim());
  });
}

const DUMP_CONFIG = `<?php
require $argv[1].'/vendor/autoload.php';
$app = require $argv[1].'/bootstrap/app.php';
$app->make(Illuminate\\Contracts\\Console\\Kernel::class)->bootstrap();
echo json_encode(config()->all(), JSON_UNESCAPED_SLASHES);
`;

/**
 * The copy's config as the framework builds it from its .env and config/*.php,
 * flattened to dotted keys ("session.driver"), its own folder written <app>. The environment is only PATH:
 * the worker's own variables would override the .env; a cached config is never read.
 */
export async function bootedConfig(copy: string): Promise<Record<string, unknown>> {
  const script = path.join(path.dirname(copy), 'dump-config.php');
  await writeFile(script, DUMP_CONFIG);
  const env = { PATH: process.env.PATH, APP_CONFIG_CACHE: path.join(path.dirname(copy), 'no-config-cache.php') };
  const { stdout } = await promisify(execFile)('php', [script, copy], { env, maxBuffer: 16 * 1024 * 1024 }).catch(
    (error: { stdout?: string; stderr?: string }) => {
      const said = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim().split('\n').slice(0, 3).join('\n');
      throw new Error(`Laravel did not boot ${copy}: ${said}`);
    },
  );
  // The copy's own paths (storage, views, logs) read as <app>: two copies differ only in what they configure.
  return flattened(JSON.parse(stdout.split(copy).join('<app>')));
}

function flattened(value: unknown, prefix = '', into: Record<string, unknown> = {}): Record<string, unknown> {
  if (value === null || typeof value !== 'object') into[prefix] = value;
  else for (const [key, inner] of Object.entries(value)) flattened(inner, prefix ? `${prefix}.${key}` : key, into);
  return into;
}

/** The keys whose values differ between two flattened configs, each with [before, after]. */
export function configChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, [unknown, unknown]> {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const differing = [...keys].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  return Object.fromEntries(differing.map((key) => [key, [before[key], after[key]]]));
}
