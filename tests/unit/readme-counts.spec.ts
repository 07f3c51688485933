import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';
import type { SanctumTest } from '../../fixtures/playwright/test.ts';
import { sanctumWireChecks } from '../../fixtures/suites/wire-checks/sanctum-wire-checks.ts';
import { BREAK_CATALOGUE, partOf } from '../../fixtures/tools/breaks/catalogue.ts';

// The numbers the README and the docs state, against what really registers: the wire checks
// sanctumWireChecks gives Playwright, and the breaks the catalogue holds.

/** Every test sanctumWireChecks registers, by title: the suite's own registration, walked as Playwright would. */
function registeredWireChecks(): string[] {
  const titles: string[] = [];
  const register = Object.assign((title: string) => void titles.push(title), {
    describe: (_title: string, body: () => void) => body(),
  });
  sanctumWireChecks(register as unknown as SanctumTest);
  return titles;
}

interface Stated {
  value: number;
  /** file:line, where a reader fixes it. */
  where: string;
}

/** The number `pattern` (one group, whitespace as \s+ so a wrapped line matches) finds in a file. */
async function stated(file: string, pattern: RegExp): Promise<Stated | undefined> {
  const text = await readFile(fileURLToPath(new URL(`../../${file}`, import.meta.url)), 'utf8');
  const match = pattern.exec(text);
  if (!match) return undefined;
  const line = text.slice(0, match.index + match[0].indexOf(match[1])).split('\n').length;
  return { value: Number(match[1]), where: `${file}:${line}` };
}

/** One finding per number that disagrees, naming the line and what to write. */
async function mismatches(claims: { file: string; pattern: RegExp; actual: number; what: string }[]) {
  const found = await Promise.all(
    claims.map(async (claim) => ({ ...claim, said: await stated(claim.file, claim.pattern) })),
  );
  return found.flatMap(({ file, pattern, actual, what, said }) => {
    if (!said) return [`${file} states no number of ${what} (${pattern}): write ${actual}`];
    return said.value === actual ? [] : [`${said.where} says ${said.value} ${what}; ${actual} run: write ${actual}`];
  });
}

test('the README and the docs count the wire checks that register', async () => {
  const checks = registeredWireChecks();
  expect(checks.length, 'the recorder saw no registration').toBeGreaterThan(0);
  expect(new Set(checks).size, 'two checks share a title').toBe(checks.length);
  const findings = await mismatches([
    { file: 'README.md', pattern: /(\d+)\s+wire\s+checks/, actual: checks.length, what: 'wire checks' },
    {
      file: 'docs/flows-and-adapters.md',
      pattern: /sanctumWireChecks\(test\)`\s+registers\s+(\d+)\s+tests/,
      actual: checks.length,
      what: 'wire checks',
    },
  ]);
  expect(findings).toEqual([]);
});

test('the README counts the breaks the catalogue holds, in its two parts', async () => {
  const catalogued = BREAK_CATALOGUE.filter((entry) => partOf(entry) === 'catalogued').length;
  const heldOut = BREAK_CATALOGUE.filter((entry) => partOf(entry) === 'held-out').length;
  const findings = await mismatches([
    { file: 'README.md', pattern: /catalogue\s+of\s+(\d+)\s+breaks/, actual: BREAK_CATALOGUE.length, what: 'breaks' },
    {
      file: 'README.md',
      pattern: /the\s+(\d+)\s+the\s+rules\s+were\s+written\s+from/,
      actual: catalogued,
      what: 'catalogued breaks',
    },
    { file: 'README.md', pattern: /the\s+(\d+)\s+held\s+out/, actual: heldOut, what: 'held-out breaks' },
  ]);
  expect(findings).toEqual([]);
});
