import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { BackendStartError } from 'sanctum-spa-kit/driver';
import { defaultDockerBinary, dockerDaemonAnswers } from '../../docker/driver/docker-cli.ts';
import { listedBackendName, onlyListing } from './only-listing.ts';
import type { HarnessSettings } from './settings-schema.ts';

export type BackendName = 'docker' | 'native' | 'external';

/**
 * KIT_BACKEND=auto: docker when a daemon answers (hermetic, no PHP needed on
 * the host), else native when PHP runs, else one error saying how to get
 * either. Explicit values are taken as they are. A listing (--list) probes
 * nothing: it runs no test, so the answer only names the projects.
 */
export async function resolveBackendName(settings: HarnessSettings): Promise<BackendName> {
  if (settings.KIT_BACKEND !== 'auto') return settings.KIT_BACKEND;
  if (onlyListing()) return listedBackendName(settings);
  if (await dockerDaemonAnswers(settings.KIT_DOCKER_BINARY ?? defaultDockerBinary())) return 'docker';
  const phpRuns = await promisify(execFile)(settings.KIT_PHP_BINARY, ['-v']).then(
    () => true,
    () => false,
  );
  if (phpRuns) return 'native';
  throw new BackendStartError(
    'KIT_BACKEND=auto found no backend: no Docker daemon answers and "' +
      settings.KIT_PHP_BINARY +
      '" does not run.\n' +
      '  for docker: bash scripts/install-docker.sh\n' +
      '  for native: bash scripts/install-machine.sh (or apt-get install ' +
      'php8.2-cli php8.2-sqlite3 php8.2-curl php8.2-mbstring php8.2-xml composer)',
  );
}
