import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What a report must never hold whole, each named by its kind. */
const SECRET_SHAPES: { kind: string; shape: RegExp }[] = [
  // Laravel-encrypted: base64 of {"iv":…, far longer than any 8-character quote (session and XSRF-TOKEN
  // cookies, the X-XSRF-TOKEN header, URL-encoded or not).
  { kind: 'a whole session or XSRF cookie value', shape: /eyJpdiI6[A-Za-z0-9+/=%]{40,}/ },
  // A Sanctum personal access token in plain text: <id>|<40 random characters>[crc32].
  { kind: 'a whole API token', shape: /\b\d+(?:\||%7C)[A-Za-z0-9_]{40,}/ },
];

/** Zip entries that are pictures or fonts: no text to find in them. */
const BINARY_ENTRY = /\.(jpe?g|png|webp|gif|woff2?|ttf|ico|wasm)$/i;

/**
 * Where reports hold a secret: every file under the given folders, every
 * entry of every zip among them (Playwright's trace.zip, its copies in the
 * HTML report's data/) and of the HTML report's embedded data, checked for the
 * literals (a password) and for whole cookie and token values. One line per
 * find: the file (› the zip entry) and the kind of secret.
 */
export async function findSecrets(folders: string[], literals: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const folder of folders) {
    for (const file of await filesUnder(folder)) {
      for (const { where, text } of await textsOf(file)) {
        for (const literal of literals) if (text.includes(literal)) found.push(`${where}: the password`);
        for (const { kind, shape } of SECRET_SHAPES) {
          const match = shape.exec(text);
          if (match) found.push(`${where}: ${kind} (${match[0].slice(0, 12)}…)`);
        }
      }
    }
  }
  return found;
}

interface ScannedText {
  /** The file, and the zip entry when the text is one. */
  where: string;
  text: string;
}

async function textsOf(file: string): Promise<ScannedText[]> {
  if (file.endsWith('.zip')) return zipEntries(file, file);
  const text = await readFile(file, 'utf8');
  if (!file.endsWith('index.html')) return [{ where: file, text }];
  // The HTML report keeps its data as a base64 zip inside index.html.
  const base64 = /data:application\/zip;base64,([A-Za-z0-9+/=]+)/.exec(text)?.[1];
  if (!base64) return [{ where: file, text }];
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sanctum-kit-report-'));
  try {
    const zip = path.join(dir, 'report.zip');
    await writeFile(zip, Buffer.from(base64, 'base64'));
    return [{ where: file, text }, ...(await zipEntries(zip, `${file} (embedded data)`))];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Every text entry of a zip, read with the system's unzip (not the kit's own zip code: an independent reader). */
async function zipEntries(zip: string, label: string): Promise<ScannedText[]> {
  const { stdout: listing } = await run('unzip', ['-Z1', zip], { maxBuffer: 64 * 1024 * 1024 });
  const names = listing.split('\n').filter((name) => name !== '' && !name.endsWith('/') && !BINARY_ENTRY.test(name));
  const texts: ScannedText[] = [];
  for (const name of names) {
    // unzip reads its entry arguments as wildcards: escape theirs.
    const pattern = name.replace(/[[\]*?\\]/g, '\\$&');
    const { stdout } = await run('unzip', ['-p', zip, pattern], { maxBuffer: 256 * 1024 * 1024 });
    texts.push({ where: `${label} › ${name}`, text: stdout });
  }
  return texts;
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}
