import { readdir } from 'node:fs/promises';
import { processLives, scratchDir } from 'sanctum-spa-kit/driver';
import { appServers } from '../untouched/app-servers.ts';

/**
 * What a finished run of the laravel backend must not leave: a PHP server
 * still serving the app, or a worker's database copy or pid file whose
 * owner is gone.
 */
export async function leftoversOf(appDir: string): Promise<string[]> {
  const left = (await appServers(appDir)).map(
    (server) => `php server still running: pid ${server.pid} (${server.commandLine})`,
  );
  // Files are named "<owner pid>-…": a live owner is another run going on now, not a leftover.
  const workerFiles = await readdir(scratchDir('workers')).catch(() => [] as string[]);
  left.push(
    ...workerFiles
      .filter((file) => !processLives(Number(file.split('-')[0])))
      .map((file) => `worker file left: ${scratchDir('workers', file)}`),
  );
  return left;
}
