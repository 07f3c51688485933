import { readdirSync, readFileSync } from 'node:fs';
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

/**
 * The processes of group `group` still running (zombies, which have exited,
 * left out), read from /proc; elsewhere, [group] while kill(-group, 0) reaches one.
 */
export function liveGroupMembers(group: number): string[] {
  if (process.platform !== 'linux') {
    try {
      process.kill(-group, 0);
      return [String(group)];
    } catch {
      return [];
    }
  }
  const members: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited while we looked
    }
    // pid (comm) state ppid pgrp ...: comm may hold spaces, so read after its last ')'.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) !== group || /^[ZX]/.test(state)) continue;
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    members.push(`${entry} ${commandLine(entry) || name}`);
  }
  return members;
}

function commandLine(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
  } catch {
    return '';
  }
}
