// npm test's last step: every pass of the kit's own tests, named in one table and run in
// its order, each with its duration; then a summary. One pass or a few:
//   npx tsx tests/system/run.ts --only=kit,doctor
//   npm run test:breaks [-- --breaks=session-driver-array,app-debug-on] [--write-table]
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { KitError } from 'sanctum-spa-kit/driver';
import { runCacheDir } from '../../app-under-test/harness/paths.ts';
import { runCli } from '../../scripts/cli-errors.ts';
import { breaksPass } from './passes/breaks.ts';
import { concurrentPass } from './passes/concurrent.ts';
import { consumersPass } from './passes/consumers.ts';
import { doctorPass } from './passes/doctor.ts';
import { examplePass } from './passes/example.ts';
import { kitPass } from './passes/kit.ts';
import { killPass } from './passes/kill.ts';
import { secretsPass } from './passes/secrets.ts';
import { shardsPass } from './passes/shards.ts';
import { untouchedPass } from './passes/untouched.ts';
import { workflowPass } from './passes/workflow.ts';
import type { PassResult } from './support/playwright-pass.ts';

interface RunOptions {
  breaks?: string[];
  writeTable: boolean;
}

interface SystemPass {
  name: string;
  /** What it proves, as --help lists it. */
  proves: string;
  run: (options: RunOptions) => Promise<PassResult[]>;
}

const PASSES: SystemPass[] = [
  {
    name: 'kit',
    proves: 'the suite on every backend this machine has (docker matrix, native), then the topologies',
    run: kitPass,
  },
  {
    name: 'shards',
    proves:
      "two shards at once (one broken), blobs merged: every test's traffic, diagram and trace kept, the headline whole",
    run: shardsPass,
  },
  { name: 'concurrent', proves: 'two runs at once with provisioning due, both green', run: concurrentPass },
  {
    name: 'kill',
    proves: 'a run killed mid-flow (SIGKILL), then one that passes and finds nothing of it',
    run: killPass,
  },
  {
    name: 'secrets',
    proves:
      "a green and a failed run's artefacts (native, laravel mode) hold no password nor whole cookie or token " +
      'value (and the scan can fail)',
    run: secretsPass,
  },
  {
    name: 'consumers',
    proves: "the tarball in fresh ESM and CommonJS repos, external stacks, a team's appDir",
    run: consumersPass,
  },
  { name: 'doctor', proves: 'the doctor: ✓ on the bundled stack, the named ✗ on misconfigured ones', run: doctorPass },
  {
    name: 'example',
    proves: 'examples/consumer and examples/nextjs as their users run them (the main job)',
    run: examplePass,
  },
  {
    name: 'workflow',
    proves:
      "docs/ci/github-actions.yml's shard and merge commands, verbatim, in examples/nextjs: shards at once, merged",
    run: workflowPass,
  },
  {
    name: 'untouched',
    proves: "a team's app byte-identical after every kind of run, in teams' setups",
    run: untouchedPass,
  },
  {
    name: 'breaks',
    proves: 'every break of the catalogue fails the suite naming its cause; docs/breaks.md matches',
    run: (options) => breaksPass({ only: options.breaks, writeTable: options.writeTable }),
  },
];

function usage(): string {
  const rows = PASSES.map((pass) => `  ${pass.name.padEnd(11)} ${pass.proves}`);
  return ['tests/system/run.ts [--only=pass,…] [--breaks=id,…] [--write-table]', 'passes, in order:', ...rows].join(
    '\n',
  );
}

function chosenPasses(only: string | undefined): SystemPass[] {
  if (only === undefined) return PASSES;
  const names = only.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !PASSES.some((pass) => pass.name === name));
  if (unknown.length > 0) throw new KitError(`--only: no pass named ${unknown.join(', ')}\n${usage()}`);
  return PASSES.filter((pass) => names.includes(pass.name));
}

const minutes = (ms: number) => {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

await runCli(async () => {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        only: { type: 'string' },
        breaks: { type: 'string' },
        'write-table': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new KitError(`${(error as Error).message}\n${usage()}`);
  }
  if (values.help) return console.log(usage());
  const passes = chosenPasses(values.only);
  const options: RunOptions = { breaks: values.breaks?.split(','), writeTable: values['write-table'] };
  await mkdir(path.join(runCacheDir, 'e2e'), { recursive: true });
  const done: { pass: SystemPass; results: PassResult[]; ms: number }[] = [];
  for (const pass of passes) {
    const started = Date.now();
    const results = await pass.run(options);
    done.push({ pass, results, ms: Date.now() - started });
    console.log(`\n--- pass "${pass.name}" done in ${minutes(Date.now() - started)}`);
  }
  console.log('\n=== system tests: summary');
  for (const { pass, results, ms } of done) {
    console.log(`  ${pass.name} (${minutes(ms)})`);
    for (const result of results) console.log(`    ${result.name}: ${result.passed} passed, ${result.failed} failed`);
  }
  const all = done.flatMap(({ results }) => results);
  const passed = all.reduce((sum, result) => sum + result.passed, 0);
  const failed = all.reduce((sum, result) => sum + result.failed, 0);
  const total = done.reduce((sum, { ms }) => sum + ms, 0);
  console.log(`system tests: ${passed} passed, ${failed} failed, in ${minutes(total)}`);
  // Exit now: a pass's leftover handle must not keep the run open.
  process.exit(failed === 0 ? 0 : 1);
});
