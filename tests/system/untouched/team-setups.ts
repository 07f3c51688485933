import { execFile } from 'node:child_process';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * How teams leave their Laravel app on disk, beside the installers' stock
 * state: each applied to a fresh copy of the bundled app before it is
 * fingerprinted. Every outside service they name (MySQL, Postgres, Redis,
 * SMTP) is the tripwire's port: a run that reaches one is caught.
 */
export interface TeamSetup {
  name: string;
  prepare(appDir: string, tripwirePort: number): Promise<void>;
  /** The kit must stop before any write, and its message name this. */
  refusedNaming?: RegExp;
  /** The setup every kind of run is tried on, not only a green one. */
  everyKindOfRun?: boolean;
}

const run = promisify(execFile);

/** Later lines of a .env win over earlier ones (phpdotenv sets them in order). */
async function addToEnv(appDir: string, values: Record<string, string | number>): Promise<void> {
  const lines = Object.entries(values).map(([name, value]) => `${name}=${value}`);
  await appendFile(path.join(appDir, '.env'), `\n# a team's settings\n${lines.join('\n')}\n`);
}

/** `php artisan …` in the app, as its developers run it (its own .env, its own database). */
async function artisan(appDir: string, ...args: string[]): Promise<void> {
  await run('php', ['artisan', ...args], { cwd: appDir });
}

const mysql = (port: number) => ({
  DB_CONNECTION: 'mysql',
  DB_HOST: '127.0.0.1',
  DB_PORT: port,
  DB_DATABASE: 'team',
  DB_USERNAME: 'team',
  DB_PASSWORD: 'team-db-password',
});
const postgres = (port: number) => ({
  DB_CONNECTION: 'pgsql',
  DB_HOST: '127.0.0.1',
  DB_PORT: port,
  DB_DATABASE: 'team',
  DB_USERNAME: 'team',
  DB_PASSWORD: 'team-db-password',
});
const redis = (port: number) => ({ REDIS_HOST: '127.0.0.1', REDIS_PORT: port });
const smtp = (port: number) => ({ MAIL_MAILER: 'smtp', MAIL_HOST: '127.0.0.1', MAIL_PORT: port });

export const TEAM_SETUPS: readonly TeamSetup[] = [
  { name: "stock (the installers' .env, SQLite at database/database.sqlite)", prepare: async () => {} },
  {
    name: "config and routes cached (php artisan optimize), pointing at the app's own SQLite database",
    prepare: async (appDir) => {
      await artisan(appDir, 'config:cache');
      await artisan(appDir, 'route:cache');
    },
  },
  {
    name: 'MySQL (unreachable), Redis sessions and cache, SMTP mail, database queue; config cached',
    everyKindOfRun: true,
    prepare: async (appDir, port) => {
      await addToEnv(appDir, {
        ...mysql(port),
        ...redis(port),
        ...smtp(port),
        SESSION_DRIVER: 'redis',
        CACHE_STORE: 'redis',
        QUEUE_CONNECTION: 'database',
      });
      await artisan(appDir, 'config:cache');
    },
  },
  {
    name: 'Postgres (unreachable), file sessions, database queue',
    prepare: async (appDir, port) =>
      addToEnv(appDir, { ...postgres(port), SESSION_DRIVER: 'file', QUEUE_CONNECTION: 'database' }),
  },
  {
    name: 'config/database.php hard-codes MySQL (unreachable), config cached: no environment can move it',
    refusedNaming: /stopped before any write[\s\S]*config\/database\.php does not take DB_CONNECTION/,
    prepare: async (appDir, port) => {
      await addToEnv(appDir, mysql(port));
      const config = path.join(appDir, 'config', 'database.php');
      await writeFile(
        config,
        (await readFile(config, 'utf8')).replace(/'default' => env\('DB_CONNECTION', '\w+'\)/, "'default' => 'mysql'"),
      );
      await artisan(appDir, 'config:cache');
    },
  },
];
