import { readdir } from 'node:fs/promises';
import type { FailedRun } from './failed-run.ts';

/**
 * Why a run meant to fail proves nothing about failed runs' artefacts: it
 * passed, or it left no error-context.md or trace.zip to scan. Empty when it
 * failed as meant and left both.
 */
export async function failedRunArtefacts(run: FailedRun): Promise<string[]> {
  if (run.exitCode !== 1) return [`"${run.name}": exited ${run.exitCode}, not 1 (tests failed): nothing proven`];
  const files = await readdir(run.artefacts[0], { recursive: true }).catch(() => [] as string[]);
  const missing = ['error-context.md', 'trace.zip'].filter((name) => !files.some((file) => file.endsWith(name)));
  return missing.map((name) => `"${run.name}": no ${name} in ${run.artefacts[0]}: nothing to scan`);
}
