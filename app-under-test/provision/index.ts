import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KitError, runProcess } from 'sanctum-spa-kit/driver';

export interface ProvisionOptions {
  php: string;
  spaOrigin: string;
  apiUrl: string;
  userEmail: string;
  userPassword: string;
  /** The Laravel line: app-under-test/lines/laravel<line>. */
  line: string;
  force?: boolean;
}

/** Provisioning stopped; what went wrong was already printed by provision.php. */
class ProvisionFailed extends KitError {}

const provisionScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'provision.php');

/**
 * Runs provision.php (the one source of truth for installing the API) and
 * resolves once the API is ready to serve: vendor, .env, migrated database.
 */
export async function provisionApi(options: ProvisionOptions): Promise<void> {
  const args = [
    provisionScript,
    `--line=${options.line}`,
    `--spa-origin=${options.spaOrigin}`,
    `--api-url=${options.apiUrl}`,
    `--user-email=${options.userEmail}`,
    `--user-password=${options.userPassword}`,
    ...(options.force ? ['--force'] : []),
  ];
  // A managed process: Composer and the installers it starts end with it, however this process ends.
  const { exit } = await runProcess({ label: 'provision.php', command: options.php, args, output: 'terminal' });
  if (exit.code === 127 || exit.error) {
    throw new ProvisionFailed(
      `provision: "${options.php}" was not found. Install PHP 8.2+ (apt-get install php8.2-cli ` +
        'php8.2-sqlite3 php8.2-curl php8.2-mbstring php8.2-xml composer) or set KIT_PHP_BINARY.',
    );
  }
  if (exit.code !== 0) throw new ProvisionFailed(`provision: failed (exit ${exit.code ?? exit.signal})`);
}
