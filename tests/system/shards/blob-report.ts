import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';

/** What one shard's blob report (blob-report/report-<i>.zip) recorded. */
export interface BlobReport {
  file: string;
  /** Each test it ran, by id: the names of the attachments its results carry. */
  attachmentsByTest: Map<string, string[]>;
  /**
   * Attachments by path whose file is not in the zip: the blob reporter skips a file gone from
   * the output folder when it zips (a run on the same machine removed it), so a lost file shows here.
   */
  lostFiles: string[];
}

interface BlobAttachment {
  name: string;
  path?: string;
}

/** A blob report read from its zip: its report.jsonl (Playwright's reporter events) against its resources/. */
export async function readBlobReport(file: string): Promise<BlobReport> {
  const entries = unzipSync(await readFile(file));
  const events = strFromU8(entries['report.jsonl'] ?? new Uint8Array())
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { method: string; params: Record<string, unknown> });
  const attachmentsByTest = new Map<string, string[]>();
  const lostFiles: string[] = [];
  for (const { method, params } of events) {
    if (method === 'onTestEnd') {
      const testId = (params.test as { testId: string }).testId;
      if (!attachmentsByTest.has(testId)) attachmentsByTest.set(testId, []);
    }
    if (method !== 'onAttach') continue;
    const testId = params.testId as string;
    const attachments = params.attachments as BlobAttachment[];
    attachmentsByTest.set(testId, [...(attachmentsByTest.get(testId) ?? []), ...attachments.map(({ name }) => name)]);
    for (const { name, path } of attachments) if (path && !entries[path]) lostFiles.push(`${name} (${path})`);
  }
  return { file, attachmentsByTest, lostFiles };
}
