// npm run bench -- --only=flows-floor: the kit's five flows against the same five
// flows written in bare @playwright/test (scripts/bench/floor), both as whole
// `npx playwright test` processes against ONE running stack (the bundled API and
// SPA, as `npm run dev` starts them). Bounded: one warm-up of each, then `pairs`
// alternating pairs, each run killed after RUN_TIMEOUT_MS; loopback only; the
// stack stopped and the scratch folder removed at the end.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { projectDir } from '../../app-under-test/harness/paths.ts';
import type { HarnessSettings } from '../../app-under-test/harness/settings-schema.ts';
import { startExternalStack } from '../../app-under-test/harness/external-stack.ts';
import type { Figures } from './measure.ts';

type Report = (label: string, runs: number, figures: Figures) => void;

const RUN_TIMEOUT_MS = 180_000;
/** /proc's times are in clock ticks: 100 a second on Linux (getconf CLK_TCK). */
const TICKS_PER_SECOND = 100;
const FLOWS = 5;

interface Side {
  name: 'kit' | 'floor';
  args: string[];
}

interface Run {
  wall: number;
  /** User + system CPU of the whole `npx playwright test` tree: runner, worker, Chromium and its helpers. */
  cpu: number;
  /** User + system CPU the stack (PHP's server, the SPA's server) spent meanwhile. */
  stackCpu: number;
}

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces): [0] is field 3, the state. */
async function statFields(pid: number): Promise<string[] | undefined> {
  const text = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  return text?.slice(text.lastIndexOf(')') + 2).split(' ');
}

/**
 * Runs a command as a child subreaper (prctl PR_SET_CHILD_SUBREAPER) in perl, which
 * Debian always has: every process of the tree ends as a child of it, waited for,
 * even those whose parent went first (Chromium's zygote and renderers, once
 * Playwright kills the browser's process group), and their CPU counts. Waited-for
 * children alone (/usr/bin/time, /proc/self/stat's cutime) miss about half of the
 * tree's CPU here. Prints "tree-cpu <user> <system>" last on stderr.
 */
const TREE_CPU = `
syscall(shift, 36, 1, 0, 0, 0) == 0 or die "prctl(PR_SET_CHILD_SUBREAPER): $!";
my $main = fork // die "fork: $!";
if ($main == 0) { exec { $ARGV[0] } @ARGV or die "exec $ARGV[0]: $!" }
my $status = 0;
while ((my $done = wait) != -1) { $status = $? if $done == $main }
my (undef, undef, $user, $system) = times;
print STDERR "\ntree-cpu $user $system\n";
exit($status & 127 ? 128 + ($status & 127) : $status >> 8);
`;

/** prctl's system call number (the tree's CPU needs it). */
function prctlNumber(): number {
  const numbers: Partial<Record<NodeJS.Architecture, number>> = { x64: 157, arm64: 167 };
  const number = numbers[process.arch];
  if (number === undefined) throw new Error(`bench flows-floor: prctl's system call number on ${process.arch}?`);
  return number;
}

/** CPU seconds so far of a live process tree: each process's own, and its ended children's. */
async function treeCpu(rootPid: number): Promise<number> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name)).map(Number);
  const stats = new Map<number, string[]>();
  for (const pid of pids) {
    const fields = await statFields(pid);
    if (fields) stats.set(pid, fields);
  }
  const tree = new Set([rootPid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, fields] of stats) {
      if (tree.has(pid) || !tree.has(Number(fields[1]))) continue;
      tree.add(pid);
      grew = true;
    }
  }
  let ticks = 0;
  for (const pid of tree) {
    const fields = stats.get(pid);
    if (fields) ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  }
  return ticks / TICKS_PER_SECOND;
}

/** One whole `npx playwright test`, timed; rejects unless all five flows passed. */
async function timedRun(side: Side, env: Record<string, string>, stackPid: number): Promise<Run> {
  const stackBefore = await treeCpu(stackPid);
  const started = performance.now();
  const cpu = await new Promise<number>((resolve, reject) => {
    const command = ['npx', 'playwright', 'test', ...side.args];
    const child = spawn('perl', ['-e', TREE_CPU, String(prctlNumber()), ...command], {
      cwd: projectDir,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let text = '';
    child.stdout.on('data', (chunk) => (text += chunk));
    child.stderr.on('data', (chunk) => (text += chunk));
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), RUN_TIMEOUT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const passed = Number(/(\d+) passed/.exec(text)?.[1] ?? 0);
      const times = /^tree-cpu (\S+) (\S+)$/m.exec(text);
      if (code === 0 && passed === FLOWS && times) return resolve(Number(times[1]) + Number(times[2]));
      const ended = signal ?? `with ${code}`;
      reject(new Error(`${side.name}: ${command.join(' ')} ended ${ended}, ${passed} passed:\n${text.slice(-4000)}`));
    });
  });
  const wall = (performance.now() - started) / 1000;
  return { wall, cpu, stackCpu: (await treeCpu(stackPid)) - stackBefore };
}

function figuresOf(values: number[]): Figures {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1)! };
}

/**
 * The kit's five flows (its own config, project chromium, the flows' describe
 * title as grep) and the floor's, against the same running stack: one warm-up
 * of each (transform cache, Chromium's disk, PHP's opcache), then `pairs`
 * pairs, alternating which side goes first so both see the same noise.
 * Prints wall and CPU medians and the ratios kit / floor.
 */
export async function benchFlowsFloor(report: Report, harness: HarnessSettings, pairs = 5): Promise<void> {
  const stack = await startExternalStack(harness.KIT_HOST);
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'sanctum-kit-flows-floor-'));
  try {
    const kit: Side = { name: 'kit', args: ['--project=chromium', '--grep=Sanctum SPA flows'] };
    const floor: Side = { name: 'floor', args: ['-c', 'scripts/bench/floor'] };
    const once = (side: Side, run: string) => {
      const env = {
        KIT_BACKEND: 'external',
        KIT_API_URL: stack.apiUrl,
        KIT_SPA_URL: stack.spaUrl,
        KIT_TEST_USER_EMAIL: harness.KIT_TEST_USER_EMAIL,
        KIT_TEST_USER_PASSWORD: harness.KIT_TEST_USER_PASSWORD,
        // Both sides' results and HTML reports in the scratch folder, not in the checkout's.
        PLAYWRIGHT_HTML_OUTPUT_DIR: path.join(scratch, `${side.name}-${run}-report`),
      };
      const args = [...side.args, `--output=${path.join(scratch, `${side.name}-${run}`)}`];
      return timedRun({ ...side, args }, env, stack.pid);
    };
    await once(kit, 'warm-up');
    await once(floor, 'warm-up');
    const runs: Record<Side['name'], Run[]> = { kit: [], floor: [] };
    for (let pair = 0; pair < pairs; pair++) {
      const order = pair % 2 === 0 ? [kit, floor] : [floor, kit];
      for (const side of order) runs[side.name].push(await once(side, String(pair)));
    }
    const figures = (name: Side['name'], of: keyof Run) => figuresOf(runs[name].map((run) => run[of]));
    report('five flows, kit (npx playwright test --project=chromium, wall)', pairs, figures('kit', 'wall'));
    report(
      'five flows, bare @playwright/test floor (npx playwright test -c scripts/bench/floor, wall)',
      pairs,
      figures('floor', 'wall'),
    );
    report('five flows, kit (CPU user+sys of the whole tree: runner, worker, Chromium)', pairs, figures('kit', 'cpu'));
    report('five flows, floor (CPU user+sys of the whole tree)', pairs, figures('floor', 'cpu'));
    report("five flows, kit: the stack's CPU meanwhile (PHP, SPA server)", pairs, figures('kit', 'stackCpu'));
    report("five flows, floor: the stack's CPU meanwhile", pairs, figures('floor', 'stackCpu'));
    const ratio = (of: keyof Run) => (figures('kit', of).median / figures('floor', of).median).toFixed(2);
    console.log(`five flows kit / floor, medians of ${pairs} pairs: wall ${ratio('wall')}×, CPU ${ratio('cpu')}×`);
  } finally {
    await stack.stop();
    await rm(scratch, { recursive: true, force: true });
  }
}
