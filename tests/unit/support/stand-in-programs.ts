import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** The programs the kit, its harness and its topologies start by name, and the consumer's SPA dev server. */
const STAND_IN_NAMES = ['php', 'docker', 'composer', 'chromium', 'nginx', 'redis-server', 'openssl', 'mkcert', 'next'];

/**
 * A temp folder whose bin/ holds a stand-in for each program the kit could
 * start: each only writes down its name and arguments. `env` puts them first
 * on PATH, names them in KIT_PHP_BINARY / KIT_DOCKER_BINARY /
 * KIT_CHROMIUM_PATH and points KIT_SCRATCH_DIR at a folder not yet made.
 */
export interface StandInPrograms {
  root: string;
  env: NodeJS.ProcessEnv;
  /** The stand-in for a program, by name. */
  standIn: (name: string) => string;
  /** One line per stand-in called: its name and arguments (a password argument's value masked). */
  started: () => Promise<string[]>;
  /** Whether the kit made its scratch folder (database templates, worker copies). */
  scratchMade: () => boolean;
  remove: () => Promise<void>;
}

export async function makeStandInPrograms(prefix: string): Promise<StandInPrograms> {
  const root = await mkdtemp(path.join(os.tmpdir(), prefix));
  const bin = path.join(root, 'bin');
  const record = path.join(root, 'started.txt');
  const scratch = path.join(root, 'scratch');
  await mkdir(bin);
  for (const name of STAND_IN_NAMES) {
    const script = path.join(bin, name);
    await writeFile(script, `#!/bin/sh\necho "${name} $*" >> '${record}'\n`);
    await chmod(script, 0o755);
  }
  // The parent run's own answers (KIT_BACKEND_RESOLVED, KIT_RUN_ID, .env's values) must not reach the child run.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('KIT_')));
  return {
    root,
    env: {
      ...inherited,
      PATH: `${bin}:${process.env.PATH}`,
      KIT_PHP_BINARY: path.join(bin, 'php'),
      KIT_DOCKER_BINARY: path.join(bin, 'docker'),
      KIT_CHROMIUM_PATH: path.join(bin, 'chromium'),
      KIT_SCRATCH_DIR: scratch,
      // The HTML reporter rewrites its folder even for a listing: not the developer's playwright-report.
      PLAYWRIGHT_HTML_OUTPUT_DIR: path.join(root, 'html-report'),
    },
    standIn: (name) => path.join(bin, name),
    started: async () =>
      (await readFile(record, 'utf8').catch(() => ''))
        .split('\n')
        .filter(Boolean)
        .map((line) => line.replace(/(password[\w-]*=)\S+/gi, '$1***')),
    scratchMade: () => existsSync(scratch),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
