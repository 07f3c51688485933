import { runProcess, startProcess, finish, type ProcessExit } from 'sanctum-spa-kit/driver';
import { projectDir } from '../../../app-under-test/harness/paths.ts';

/** The projects the shards split between them: the wire checks and the browser flows, on the native backend. */
export const SHARDED_PROJECTS = ['--project=wire', '--project=chromium'];
const NATIVE = { KIT_BACKEND: 'native' };

/** How many tests of `project` shard `shard` ("2/2") holds, from `npx playwright test --list`: it starts nothing. */
export async function testsOfProjectInShard(shard: string, project: string): Promise<number> {
  const { exit, process: listing } = await runProcess({
    label: 'npx playwright test --list',
    command: 'npx',
    args: ['playwright', 'test', '--list', ...SHARDED_PROJECTS, `--shard=${shard}`],
    cwd: projectDir,
    env: { ...process.env, ...NATIVE },
    tailLines: 5000,
  });
  if (exit.code !== 0)
    throw new Error(`npx playwright test --list --shard=${shard} exited ${exit.code}:\n${listing.logTail()}`);
  return listing
    .logTail(5000)
    .split('\n')
    .filter((line) => line.includes(`[${project}] ›`)).length;
}

/**
 * One shard as a CI machine runs it, with the config's own reporters (the kit's masking one,
 * list, blob, the kit's headline): `npx playwright test <projects> --shard=i/n`, one worker (both
 * shards share this machine's cores). Its output is shown a line at a time, each line after "[shard i/n]".
 */
export async function runShard(shard: string, env: Record<string, string>): Promise<ProcessExit> {
  const args = ['playwright', 'test', ...SHARDED_PROJECTS, `--shard=${shard}`, '--workers=1'];
  const variables = Object.entries(env).map(([key, value]) => ` ${key}=${value}`);
  console.log(`\n=== shard ${shard}: npx ${args.join(' ')}${variables.join('')}`);
  const running = startProcess({
    label: `shard ${shard}`,
    command: 'npx',
    args,
    cwd: projectDir,
    env: { ...process.env, ...NATIVE, ...env },
  });
  const partial = { stdout: '', stderr: '' };
  running.onOutput((chunk, stream) => {
    const lines = (partial[stream] + chunk.toString()).split('\n');
    partial[stream] = lines.pop()!;
    for (const line of lines) console.log(`[shard ${shard}] ${line}`);
  });
  const { exit } = await finish(running);
  for (const rest of Object.values(partial)) if (rest) console.log(`[shard ${shard}] ${rest}`);
  return exit;
}

/** `npx playwright merge-reports --reporter=<reporters> <blobDir>`, shown; what it printed, colours stripped. */
export async function mergeReports(reporters: string, blobDir: string, htmlDir: string): Promise<string> {
  const args = ['playwright', 'merge-reports', `--reporter=${reporters}`, blobDir];
  console.log(`\n=== merge: npx ${args.join(' ')}`);
  const { exit, process: merge } = await runProcess({
    label: 'npx playwright merge-reports',
    command: 'npx',
    args,
    cwd: projectDir,
    env: { ...process.env, PLAYWRIGHT_HTML_OUTPUT_DIR: htmlDir, PLAYWRIGHT_HTML_OPEN: 'never' },
    tailLines: 1000,
  });
  const output = merge.logTail(1000);
  console.log(output);
  if (exit.code !== 0) throw new Error(`npx playwright merge-reports exited ${exit.code ?? exit.signal}`);
  return output;
}
