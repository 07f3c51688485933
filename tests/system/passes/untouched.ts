import { rm } from 'node:fs/promises';
import { DEFAULT_LINE } from '../../../app-under-test/harness/lines.ts';
import { appDirOf } from '../../../app-under-test/harness/paths.ts';
import { packKit } from '../consumer/pack-kit.ts';
import { exampleDir, installExample, laravelAppConsumer } from '../support/example-consumer.ts';
import type { PassResult } from '../support/playwright-pass.ts';
import { untouchedCases } from '../untouched/untouched-pass.ts';

/**
 * The team's app untouched: copies of the bundled app in the states teams
 * leave theirs (config cached, MySQL/Redis/SMTP named, …), byte-identical after
 * green, red, interrupted and killed runs, breaks and the doctor, and no
 * connection to their services.
 */
export async function untouchedPass(): Promise<PassResult[]> {
  await installExample();
  const consumerDir = await laravelAppConsumer(await packKit());
  console.log(
    '\n=== "the team\'s app untouched": copies of the bundled app ' +
      "in teams' setups, fingerprinted around every kind of run",
  );
  try {
    const cases = await untouchedCases({
      sourceAppDir: appDirOf(DEFAULT_LINE.laravel),
      consumerDir,
      spaDir: exampleDir,
    });
    for (const { name, problems } of cases) {
      const said =
        problems.length === 0 ? ': byte-identical, no connection to its services' : `\n    ${problems.join('\n    ')}`;
      console.log(`  ${problems.length === 0 ? '✓' : '✗'} ${name}${said}`);
    }
    const failed = cases.filter((untouchedCase) => untouchedCase.problems.length > 0).length;
    return [
      { name: `the team's app untouched (${cases.length} cases)`, passed: cases.length - failed, failed, jsonFile: '' },
    ];
  } finally {
    await rm(consumerDir, { recursive: true, force: true });
  }
}
