import { readdir, readFile, readlink } from 'node:fs/promises';
import { processLives, scratchDir } from '../../fixtures/backend/scratch-dir.ts';

/**
 * What a finished run of the laravel backend must not leave: a PHP server
 * still serving the app, or a worker's database copy or pid file whose
 * owner is gone.
 */
export async function leftoversOf(appDir: string): Promise<string[]> {
  const left: string[] = [];
  for (const pid of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(pid)) continue;
    const commandLine = (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split('\0').join(' ');
    const cwd = await readlink(`/proc/${pid}/cwd`).catch(() => '');
    if (commandLine.includes(' -S ') && cwd.startsWith(appDir)) left.push(`php server still running: pid ${pid} (${commandLine.trim()})`);
  }
  // Files are named "<owner pid>-…": a live owner is another run going on now, not a leftover.
  const workerFiles = await readdir(scratchDir('workers')).catch(() => [] as string[]);
  left.push(...workerFiles.filter((file) => !processLives(Number(file.split('-')[0]))).map((file) => `worker file left: ${scratchDir('workers', file)}`));
  return left;
}
