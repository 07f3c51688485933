import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

interface JsonSpec {
  title: string;
  file: string;
  line: number;
  tests: { results: { error?: { stack?: string } }[] }[];
}
interface JsonSuite {
  specs?: JsonSpec[];
  suites?: JsonSuite[];
}

/** A stack frame's file and line: "at fn (/abs/file.ts:12:5)" or "at /abs/file.ts:12:5". */
const FRAME = /^\s+at (?:.*? \()?(.+?):(\d+):\d+\)?$/;

/**
 * Where a consumer's run points its user, read from Playwright's JSON report:
 * every test's location and every frame of every failure's stack must be a
 * TypeScript file that exists on disk (the consumer's spec, or the kit's
 * sources shipped with the tarball, reached through its source maps), never a
 * line of the kit's bundle (dist/); a failure names at least one. Returns one line per location that is not.
 */
export async function unopenableLocations(jsonReport: string): Promise<string[]> {
  const report = JSON.parse(await readFile(jsonReport, 'utf8'));
  const rootDir: string = report.config.rootDir;
  const problems: string[] = [];
  const check = (file: string, line: number, what: string) => {
    const where = `${file}:${line}`;
    if (/[/\\]dist[/\\]/.test(file) || !/\.ts$/.test(file)) problems.push(`${what} is bundled JavaScript: ${where}`);
    else if (!existsSync(file)) problems.push(`${what} names a file that is not there: ${where}`);
  };
  const visit = (suite: JsonSuite) => {
    for (const spec of suite.specs ?? []) {
      check(path.resolve(rootDir, spec.file), spec.line, `"${spec.title}"'s location`);
      for (const result of spec.tests.flatMap((test) => test.results)) {
        if (!result.error) continue;
        const frames = (result.error.stack ?? '').split('\n').map((line) => FRAME.exec(line));
        if (!frames.some((frame) => frame !== null)) problems.push(`"${spec.title}"'s failure names no file at all`);
        for (const [, file, line] of frames.filter((frame) => frame !== null))
          check(file, Number(line), `a frame of "${spec.title}"'s failure`);
      }
    }
    suite.suites?.forEach(visit);
  };
  (report.suites as JsonSuite[]).forEach(visit);
  return problems;
}
