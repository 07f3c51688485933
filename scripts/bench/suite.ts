import { describeExit, runProcess } from 'sanctum-spa-kit/driver';
import { projectDir } from '../../app-under-test/harness/paths.ts';
import type { Figures } from './measure.ts';

type Report = (label: string, runs: number, figures: Figures) => void;

/** Runs the kit's suite as a user would, timed; rejects when it does not pass. */
async function timedPlaywright(env: Record<string, string>, args: string[]): Promise<number> {
  const started = performance.now();
  const { exit, process: run } = await runProcess({
    label: 'npx playwright test',
    command: 'npx',
    args: ['playwright', 'test', '--reporter=line', ...args],
    cwd: projectDir,
    env: { ...process.env, ...env },
  });
  if (exit.code === 0) return (performance.now() - started) / 1000;
  const variables = Object.entries(env)
    .map(([name, value]) => `${name}=${value} `)
    .join('');
  throw new Error(
    `${variables}npx playwright test ${args.join(' ')} failed (${describeExit(exit)}):\n${run.logTail(60)}`,
  );
}

function figuresOf(seconds: number[]): Figures {
  const sorted = [...seconds].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1)! };
}

/**
 * The core suite (the flows, the bundled SPA's screens and the twin, in
 * Chromium) and the whole suite (unit and wire too), warm,
 * wall time from the command's start to its end (backend, SPA and browser
 * start included). Backends alternate run by run, so both see the same machine.
 */
export async function benchSuites(report: Report, backends: string[], runs = 3): Promise<void> {
  const core = ['--project=chromium', '--project=twin*'];
  // warm-up: provisioning, image, caches
  for (const backend of backends) await timedPlaywright({ KIT_BACKEND: backend }, core);
  const coreTimes: Record<string, number[]> = Object.fromEntries(backends.map((backend) => [backend, []]));
  const wholeTimes: Record<string, number[]> = Object.fromEntries(backends.map((backend) => [backend, []]));
  for (let run = 0; run < runs; run++) {
    for (const backend of backends) {
      coreTimes[backend].push(await timedPlaywright({ KIT_BACKEND: backend }, core));
      wholeTimes[backend].push(await timedPlaywright({ KIT_BACKEND: backend }, []));
    }
  }
  for (const backend of backends) {
    report(
      `core suite, warm: 5 flows + 2 screens + twin in Chromium, ${backend} (npx playwright test, wall)`,
      runs,
      figuresOf(coreTimes[backend]),
    );
    report(`whole suite, warm: unit + wire + flows + twin, ${backend} (wall)`, runs, figuresOf(wholeTimes[backend]));
  }
  if (backends.includes('docker') && backends.includes('native')) {
    const ratio = figuresOf(coreTimes.docker).median / figuresOf(coreTimes.native).median;
    console.log(`core suite docker / native: ${ratio.toFixed(2)}×`);
  }
}
