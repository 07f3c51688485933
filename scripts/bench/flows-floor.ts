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
  name: 'kit' | 'kit-harness' | 'floor';
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
    // Not a managed process: the CPU count needs perl as the tree's direct parent and subreaper (TREE_CPU).
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

/** The three sides, each a whole `npx playwright test` of the five flows. */
const SIDES: { side: Side; says: string }[] = [
  {
    side: { name: 'kit', args: ['-c', 'scripts/bench/kit-flows'] },
    says: 'kit, as a team runs it (scripts/bench/kit-flows)',
  },
  {
    side: { name: 'kit-harness', args: ['--project=chromium', '--grep=Sanctum SPA flows'] },
    says: "kit, through the kit's own harness config (playwright.config.ts, project chromium)",
  },
  { side: { name: 'floor', args: ['-c', 'scripts/bench/floor'] }, says: 'bare @playwright/test (scripts/bench/floor)' },
];

/**
 * The kit's five flows (as a team's config runs them, and through the kit's
 * own harness config) and the floor's, against the same running stack: one
 * warm-up of each (transform cache, Chromium's disk, PHP's opcache), then
 * `pairs` rounds, rotating which side goes first so all see the same noise.
 * Prints wall and CPU medians and the ratios to the floor.
 */
export async function benchFlowsFloor(report: Report, harness: HarnessSettings, pairs = 5): Promise<void> {
  const stack = await startExternalStack(harness.KIT_HOST);
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'sanctum-kit-flows-floor-'));
  try {
    const once = (side: Side, run: string) => {
      const env = {
        KIT_BACKEND: 'external',
        KIT_API_URL: stack.apiUrl,
        KIT_SPA_URL: stack.spaUrl,
        KIT_TEST_USER_EMAIL: harness.KIT_TEST_USER_EMAIL,
        KIT_TEST_USER_PASSWORD: harness.KIT_TEST_USER_PASSWORD,
        // Every side's results and HTML reports in the scratch folder, not in the checkout's.
        PLAYWRIGHT_HTML_OUTPUT_DIR: path.join(scratch, `${side.name}-${run}-report`),
      };
      const args = [...side.args, `--output=${path.join(scratch, `${side.name}-${run}`)}`];
      return timedRun({ ...side, args }, env, stack.pid);
    };
    for (const { side } of SIDES) await once(side, 'warm-up');
    const runs: Record<Side['name'], Run[]> = { kit: [], 'kit-harness': [], floor: [] };
    for (let round = 0; round < pairs; round++) {
      const order = [...SIDES.slice(round % SIDES.length), ...SIDES.slice(0, round % SIDES.length)];
      for (const { side } of order) runs[side.name].push(await once(side, String(round)));
    }
    const figures = (name: Side['name'], of: keyof Run) => figuresOf(runs[name].map((run) => run[of]));
    for (const { side, says } of SIDES) report(`five flows, ${says}: wall`, pairs, figures(side.name, 'wall'));
    for (const { side, says } of SIDES) {
      report(`five flows, ${says}: CPU of the whole tree (runner, worker, Chromium)`, pairs, figures(side.name, 'cpu'));
    }
    for (const { side, says } of SIDES) {
      report(`five flows, ${says}: the stack's CPU meanwhile`, pairs, figures(side.name, 'stackCpu'));
    }
    const ratio = (name: Side['name'], of: keyof Run) =>
      (figures(name, of).median / figures('floor', of).median).toFixed(2);
    for (const name of ['kit', 'kit-harness'] as const) {
      console.log(
        `five flows ${name} / floor, medians of ${pairs}: wall ${ratio(name, 'wall')}×, CPU ${ratio(name, 'cpu')}×`,
      );
    }
  } finally {
    await stack.stop();
    await rm(scratch, { recursive: true, force: true });
  }
}
