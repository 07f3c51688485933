import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Not the team's own files: installed by Composer and npm, never written by the kit either way. */
const INSTALLED = new Set(['vendor', 'node_modules']);

/**
 * Every file and folder of an app outside vendor/ and node_modules/: its relative path → a sha256 of its bytes ("dir"
 * for a folder).
 */
export type AppFingerprint = Map<string, string>;

export async function fingerprint(appDir: string): Promise<AppFingerprint> {
  const entries = await readdir(appDir, { recursive: true, withFileTypes: true });
  const prints: AppFingerprint = new Map();
  for (const entry of entries) {
    const full = path.join(entry.parentPath, entry.name);
    const relative = path.relative(appDir, full);
    if (INSTALLED.has(relative.split(path.sep)[0])) continue;
    if (entry.isDirectory()) prints.set(`${relative}/`, 'dir');
    else if (entry.isFile())
      prints.set(
        relative,
        createHash('sha256')
          .update(await readFile(full))
          .digest('hex'),
      );
    else prints.set(relative, entry.isSymbolicLink() ? 'symlink' : 'other');
  }
  return prints;
}

/**
 * What differs between two fingerprints, a line per path: "added storage/logs/laravel.log", "changed
 * database/database.sqlite".
 */
export function fingerprintChanges(before: AppFingerprint, after: AppFingerprint): string[] {
  const changes: string[] = [];
  for (const [file, print] of after) {
    if (!before.has(file)) changes.push(`added ${file}`);
    else if (before.get(file) !== print) changes.push(`changed ${file}`);
  }
  for (const file of before.keys()) if (!after.has(file)) changes.push(`removed ${file}`);
  return changes.sort((a, b) => a.slice(a.indexOf(' ')).localeCompare(b.slice(b.indexOf(' '))));
}
