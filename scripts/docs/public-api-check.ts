// npm run docs:api: docs/public-api.md against the package's entries, read by the TypeScript
// compiler (fixtures/public/*.ts): every export, value or type, must be named there in backticks
// under its entry's heading, and every name a table lists must still be exported. npm test runs it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { KitError } from 'sanctum-spa-kit/driver';
import { projectDir } from '../../app-under-test/harness/paths.ts';
import { runCli } from '../cli-errors.ts';

const DOC = path.join(projectDir, 'docs', 'public-api.md');
/** Each entry's source and the heading its section has in the doc. */
const ENTRIES: Record<string, string> = {
  index: 'sanctum-spa-kit',
  config: 'sanctum-spa-kit/config',
  fixtures: 'sanctum-spa-kit/fixtures',
  diagnosis: 'sanctum-spa-kit/diagnosis',
  driver: 'sanctum-spa-kit/driver',
  reporter: 'sanctum-spa-kit/reporter',
};

function exportedNames(): Map<string, string[]> {
  const files = Object.keys(ENTRIES).map((entry) => path.join(projectDir, 'fixtures', 'public', `${entry}.ts`));
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path.join(projectDir, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new KitError(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  )!;
  const program = ts.createProgram(files, parsed.options);
  const checker = program.getTypeChecker();
  return new Map(
    Object.keys(ENTRIES).map((entry, index) => {
      const module = checker.getSymbolAtLocation(program.getSourceFile(files[index])!)!;
      return [entry, checker.getExportsOfModule(module).map((symbol) => symbol.name)];
    }),
  );
}

/** The doc's section for an entry: from its `## \`path\`` heading to the next heading of that level. */
function sectionOf(doc: string, importPath: string): string {
  const start = doc.indexOf(`## \`${importPath}\`\n`);
  if (start < 0) throw new KitError(`docs/public-api.md has no section "## \`${importPath}\`"`);
  const next = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, next < 0 ? undefined : next);
}

/** The names a section's table rows list in their first cell, e.g. `test`, type `SanctumTest`, `hint(…)`. */
function listedNames(section: string): string[] {
  const firstCells = section
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| export') && !line.startsWith('|---'))
    .map((line) => line.split(' | ')[0]);
  return firstCells.flatMap((cell) => [...cell.matchAll(/`([A-Za-z_$][\w$]*)/g)].map((match) => match[1]));
}

await runCli(async () => {
  const doc = readFileSync(DOC, 'utf8');
  const problems: string[] = [];
  for (const [entry, names] of exportedNames()) {
    const importPath = ENTRIES[entry];
    const listed = listedNames(sectionOf(doc, importPath));
    const undocumented = names.filter((name) => !listed.includes(name));
    const gone = listed.filter((name) => !names.includes(name));
    if (undocumented.length > 0) problems.push(`${importPath} exports, undocumented: ${undocumented.join(', ')}`);
    if (gone.length > 0) problems.push(`${importPath} no longer exports, yet listed: ${gone.join(', ')}`);
  }
  if (problems.length > 0) {
    throw new KitError(`docs/public-api.md differs from the package's entries:\n  ${problems.join('\n  ')}`);
  }
  const entries = Object.keys(ENTRIES).length;
  console.log(`docs/public-api.md: every export of the ${entries} entries is listed, and nothing else`);
});
