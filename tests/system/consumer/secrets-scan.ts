import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/** A Laravel-encrypted cookie value in full: base64 of {"iv":…, far longer than any elided quote. */
const ENCRYPTED_COOKIE_VALUE = /eyJpdiI6[A-Za-z0-9+/=%]{40,}/;

/**
 * Where reports hold a secret: every file under the given folders, the HTML
 * report's embedded data unzipped, checked for the literals (a password) and
 * for whole encrypted cookie values. Playwright's trace.zip files are left
 * out: traces are kept on failure only, and hold what the browser sent (the
 * README says so).
 */
export async function findSecrets(folders: string[], literals: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const folder of folders) {
    for (const file of await filesUnder(folder)) {
      if (file.endsWith('trace.zip')) continue;
      const text = file.endsWith('index.html') ? await embeddedReportData(file) : await readFile(file, 'utf8');
      for (const literal of literals)
        if (text.includes(literal)) found.push(`${file}: the literal ${literal.slice(0, 3)}…`);
      const cookie = ENCRYPTED_COOKIE_VALUE.exec(text);
      if (cookie) found.push(`${file}: a whole encrypted cookie value (${cookie[0].slice(0, 12)}…)`);
    }
  }
  return found;
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/** The HTML report keeps its data as a base64 zip inside index.html: the page itself and every file of that zip. */
async function embeddedReportData(indexHtml: string): Promise<string> {
  const html = await readFile(indexHtml, 'utf8');
  const base64 = /data:application\/zip;base64,([A-Za-z0-9+/=]+)/.exec(html)?.[1];
  if (!base64) return html;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sanctum-kit-report-'));
  try {
    const zip = path.join(dir, 'report.zip');
    await writeFile(zip, Buffer.from(base64, 'base64'));
    const { stdout } = await promisify(execFile)('unzip', ['-p', zip], { maxBuffer: 256 * 1024 * 1024 });
    return `${html}\n${stdout}`;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
