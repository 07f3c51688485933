import { findSecrets } from '../consumer/secrets-scan.ts';
import type { PassResult } from '../support/playwright-pass.ts';
import { failedRunArtefacts } from './failed-run-artefacts.ts';
import { runMeantToFail, type FailedRunSpec } from './failed-run.ts';

/** What the scan must find in a failed run's artefacts with the masking off (its lines: "<file> › <entry>: <kind>"). */
const CONTROL_FINDS = [
  { kind: 'the password in error-context.md', find: /\.md: the password/ },
  { kind: 'the password in a trace', find: /\.zip › .*: the password/ },
  { kind: 'a cookie value in a trace', find: /\.zip › .*: a whole session or XSRF cookie value/ },
];

/**
 * One broken run, twice: with the config's reporters as a user runs it, its
 * test results and HTML report (error-context.md and trace.zip among them)
 * hold no secret; with the kit's masking reporter left out
 * (--reporter=list,html), the same scan must find the password in both kinds
 * of file and a cookie value in a trace, or it proves nothing.
 */
export async function failedRunCase(spec: FailedRunSpec, password: string): Promise<PassResult> {
  const masked = await runMeantToFail(spec);
  const problems = await failedRunArtefacts(masked);
  const leaks = await findSecrets(masked.artefacts, [password]);
  console.log(
    `${spec.name}: ` +
      (leaks.length === 0
        ? `"${password}" and whole cookie and token values are in no report file`
        : `LEAKED\n  ${leaks.join('\n  ')}`),
  );
  const unmasked = await runMeantToFail({
    ...spec,
    name: `${spec.name}, masking off`,
    args: [...spec.args, '--reporter=list,html'],
  });
  problems.push(...(await failedRunArtefacts(unmasked)));
  const control = await findSecrets(unmasked.artefacts, [password]);
  const missed = CONTROL_FINDS.filter(({ find }) => !control.some((line) => find.test(line))).map(
    ({ kind }) => `the scan missed ${kind} with the masking off: it cannot fail`,
  );
  console.log(
    `${spec.name}, masking off (control): ` +
      (missed.length === 0 ? `the scan finds them (${control.length} finds), as it must` : missed.join('; ')),
  );
  for (const problem of problems) console.error(problem);
  const failed = problems.length + leaks.length + missed.length;
  return { name: spec.name, passed: failed === 0 ? 2 : 0, failed, jsonFile: '' };
}
