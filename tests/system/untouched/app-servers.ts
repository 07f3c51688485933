import { readdir, readFile, readlink } from 'node:fs/promises';

export interface AppServer {
  pid: number;
  /** The worker that started it: its parent (a managed process, managed-process.ts in the kit). */
  workerPid: number;
  commandLine: string;
}

/** PHP built-in servers running in an app's folder (their working directory is its public/). */
export async function appServers(appDir: string): Promise<AppServer[]> {
  const servers: AppServer[] = [];
  for (const pid of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(pid)) continue;
    const commandLine = (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split('\0').join(' ').trim();
    if (!commandLine.includes(' -S ') || !commandLine.split(' ')[0].includes('php')) continue;
    const cwd = await readlink(`/proc/${pid}/cwd`).catch(() => '');
    if (!cwd.startsWith(appDir)) continue;
    servers.push({ pid: Number(pid), workerPid: await parentOf(Number(pid)), commandLine });
  }
  return servers;
}

/** The parent pid from /proc/<pid>/stat (the field after the command's closing parenthesis); 0 when gone. */
async function parentOf(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  return stat ? Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) : 0;
}
