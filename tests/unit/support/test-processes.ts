import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';

/**
 * process.kill(pid, 0), except that a zombie counts as dead: it has exited and
 * only waits for PID 1 to reap it (orphans go there, and a container's init
 * may take a while).
 */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2));
  } catch {
    return process.platform !== 'linux';
  }
}

/** A test's cleanup: SIGKILL to the group `leader` leads, should the code under test have left it running. */
export function killGroupIfAlive(leader: number | undefined): void {
  if (leader === undefined || !alive(leader)) return;
  process.kill(-leader, 'SIGKILL');
}

/** The pids a script printed on a line holding `PIDS a b c`. */
export function pidsIn(text: string): number[] {
  const line = text.split('\n').find((candidate) => candidate.includes('PIDS '));
  expect(line, `no PIDS line in:\n${text}`).toBeDefined();
  return line!
    .slice(line!.indexOf('PIDS ') + 5)
    .trim()
    .split(/\s+/)
    .map(Number);
}
