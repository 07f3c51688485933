import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

/** One attachment as the HTML report lists it: a file under data/ (path), or text inlined (body). */
interface ReportAttachment {
  name: string;
  path?: string;
  body?: string;
}

/** One test of the HTML report, with the attachments of all its results. */
export interface ReportTest {
  testId: string;
  projectName: string;
  /** project › file › title, as the report shows it. */
  label: string;
  title: string;
  /** expected, unexpected, flaky or skipped. */
  outcome: string;
  attachments: ReportAttachment[];
}

export interface MergedReport {
  dir: string;
  stats: { total: number; expected: number; unexpected: number; flaky: number; skipped: number };
  tests: ReportTest[];
}

interface ReportFile {
  fileName: string;
  tests: {
    testId: string;
    title: string;
    projectName: string;
    outcome: string;
    results: { attachments: ReportAttachment[] }[];
  }[];
}

const EMBEDDED_DATA = /<template id="playwrightReportBase64">data:application\/zip;base64,([^<]*)<\/template>/;

/** The HTML report in `dir`: the data its index.html embeds, a base64 zip of report.json and one JSON per spec file. */
export async function readMergedReport(dir: string): Promise<MergedReport> {
  const html = await readFile(path.join(dir, 'index.html'), 'utf8');
  const base64 = EMBEDDED_DATA.exec(html)?.[1];
  if (!base64) throw new Error(`${dir}/index.html embeds no report data (no playwrightReportBase64 template)`);
  const entries = unzipSync(Buffer.from(base64, 'base64'));
  const parse = (name: string) => JSON.parse(strFromU8(entries[name]));
  const tests = Object.keys(entries)
    .filter((name) => name !== 'report.json')
    .flatMap((name) => {
      const file = parse(name) as ReportFile;
      return file.tests.map((test) => ({
        testId: test.testId,
        projectName: test.projectName,
        label: `${test.projectName} › ${file.fileName} › ${test.title}`,
        title: test.title,
        outcome: test.outcome,
        attachments: test.results.flatMap((result) => result.attachments),
      }));
    });
  return { dir, stats: parse('report.json').stats, tests };
}
