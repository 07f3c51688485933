import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { defineSanctumConfig } from '../../fixtures/config/define-sanctum-config.ts';
import {
  SHARD_VARIABLE,
  runShard,
  shardBlobFile,
  shardFromArgv,
  shardReporters,
} from '../../fixtures/config/shard-defaults.ts';

// A sharded run's own output: the shard read from Playwright's command line by the runner and
// handed to its workers, its test-results folder and its blob report named by the shard.

const RUNNER = ['/usr/bin/node', '/project/node_modules/@playwright/test/cli.js', 'test'];
const WORKER = ['/usr/bin/node', '/project/node_modules/playwright/lib/worker/workerProcessEntry.js'];
/** The config's reporters: [name or path, options?] each. */
const reportersOf = (config: { reporter?: unknown }) => config.reporter as [string, unknown?][];
const EXTERNAL = { external: { apiUrl: 'http://localhost:8000', spaUrl: 'http://localhost:5173' } };

test('reads --shard=1/2 and --shard 1/2, the last one winning as in Playwright', () => {
  expect(shardFromArgv([...RUNNER, '--shard=1/2'])).toEqual({ current: 1, total: 2 });
  expect(shardFromArgv([...RUNNER, '--workers=1', '--shard', '2/2', '--project=wire'])).toEqual({
    current: 2,
    total: 2,
  });
  expect(shardFromArgv([...RUNNER, '--shard=1/3', '--shard=3/3'])).toEqual({ current: 3, total: 3 });
  expect(shardFromArgv([...RUNNER, '--project=wire'])).toBeUndefined();
});

test('leaves a shard Playwright rejects to Playwright, which names the mistake', () => {
  for (const value of ['3/2', '0/2', 'a/2', '1-2', ''])
    expect(shardFromArgv([...RUNNER, `--shard=${value}`]), value).toBeUndefined();
  expect(shardFromArgv([...RUNNER, '--shard'])).toBeUndefined();
});

test('the runner exports its shard and its workers, which have no --shard, read it', () => {
  const env: NodeJS.ProcessEnv = {};
  expect(runShard(undefined, { argv: [...RUNNER, '--shard=2/3'], env })).toEqual({ current: 2, total: 3 });
  expect(env[SHARD_VARIABLE]).toBe('2/3');
  expect(runShard(undefined, { argv: WORKER, env })).toEqual({ current: 2, total: 3 });
  expect(runShard(undefined, { argv: WORKER, env: {} })).toBeUndefined();
});

test("the config's own shard counts when the command line names none; an inherited one does not", () => {
  const env: NodeJS.ProcessEnv = { [SHARD_VARIABLE]: '1/2' };
  expect(runShard({ current: 2, total: 4 }, { argv: RUNNER, env })).toEqual({ current: 2, total: 4 });
  expect(env[SHARD_VARIABLE]).toBe('2/4');
  // A run started from a sharded run's test (it inherits the variable) is not sharded.
  expect(runShard(null, { argv: RUNNER, env })).toBeUndefined();
  expect(env[SHARD_VARIABLE]).toBeUndefined();
});

test('names blob files as Playwright numbers shards, padded to the count', () => {
  expect(shardBlobFile({ current: 1, total: 2 })).toBe(path.join('blob-report', 'report-1.zip'));
  expect(shardBlobFile({ current: 3, total: 12 })).toBe(path.join('blob-report', 'report-03.zip'));
});

test('a blob reporter of your own writes its shard file unless you placed it; others are untouched', () => {
  const shard = { current: 2, total: 2 };
  expect(shardReporters(undefined, shard)).toEqual([['list'], ['blob', { outputFile: 'blob-report/report-2.zip' }]]);
  expect(
    shardReporters([['dot'], ['blob'], ['blob', { fileName: 'mine.zip' }], ['blob', { outputDir: 'out' }]], shard),
  ).toEqual([
    ['dot'],
    ['blob', { outputFile: 'blob-report/report-2.zip' }],
    ['blob', { fileName: 'mine.zip', outputFile: 'blob-report/mine.zip' }],
    ['blob', { outputDir: 'out' }],
  ]);
});

test("a shard's config: its own test-results, blob instead of html, masking first, headline last", async () => {
  const configDir = await mkdtemp(path.join(os.tmpdir(), 'kit-shard-'));
  // This test runs in a Playwright worker: the factory reads the shard from the variable, as the kit's workers do.
  const sharded = defineSanctumConfig({ backend: EXTERNAL }, {}, { configDir, env: { [SHARD_VARIABLE]: '1/2' } });
  expect(sharded.outputDir).toBe('test-results/shard-1-of-2');
  const names = reportersOf(sharded).map(([name]) => path.basename(name));
  expect(names).toEqual(['mask-reporter.ts', 'list', 'blob', 'diagnosis-reporter.ts']);
  expect(reportersOf(sharded)[2][1]).toEqual({ outputFile: 'blob-report/report-1.zip' });
  // {worker} build folders of two shards at once differ (one `next dev` per folder), unless a run slot is set.
  expect(sharded.use?.sanctum?.runSlot).toBe('shard-1-of-2');
  const slotted = defineSanctumConfig(
    { backend: EXTERNAL },
    {},
    { configDir, env: { [SHARD_VARIABLE]: '1/2', SANCTUM_KIT_RUN_SLOT: 'break-1' } },
  );
  expect(slotted.use?.sanctum?.runSlot).toBe('break-1');

  const ownOutput = defineSanctumConfig(
    { backend: EXTERNAL },
    { outputDir: 'out' },
    { configDir, env: { [SHARD_VARIABLE]: '1/2' } },
  );
  expect(ownOutput.outputDir).toBe('out');

  const whole = defineSanctumConfig({ backend: EXTERNAL }, {}, { configDir, env: {} });
  expect(whole.outputDir).toBeUndefined();
  expect(whole.use?.sanctum?.runSlot).toBeUndefined();
  expect(reportersOf(whole).map(([name]) => path.basename(name))).toEqual([
    'mask-reporter.ts',
    'list',
    'html',
    'diagnosis-reporter.ts',
  ]);
});
