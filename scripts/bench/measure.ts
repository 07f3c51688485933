export interface Figures {
  median: number;
  min: number;
  max: number;
}

/** Runs an async action `runs` times and reports the median and spread in seconds. */
export async function measure(runs: number, action: () => Promise<unknown>): Promise<Figures> {
  const seconds: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await action();
    seconds.push((performance.now() - started) / 1000);
  }
  seconds.sort((a, b) => a - b);
  return { median: seconds[Math.floor(seconds.length / 2)], min: seconds[0], max: seconds[seconds.length - 1] };
}

export function formatRow(label: string, runs: number, { median, min, max }: Figures): string {
  const spread = runs > 1 ? `${min.toFixed(2)}–${max.toFixed(2)}` : '';
  return `| ${label} | ${median.toFixed(2)} s | ${spread} | ${runs} |`;
}
