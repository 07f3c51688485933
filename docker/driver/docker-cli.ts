import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { BackendStartError } from 'sanctum-spa-kit/driver';

/**
 * Debian's client when it is there, else whatever `docker` PATH finds. On a
 * machine set up by scripts/install-docker.sh /usr/bin/docker is docker.io's
 * 20.10 client: it builds with the daemon's own BuildKit (DOCKER_BUILDKIT=1),
 * which the image recipe needs. A newer client earlier on PATH may lack the
 * buildx plugin, and then it can only use the legacy builder. On docker-ce
 * machines /usr/bin/docker is docker-ce's client, with buildx.
 */
export function defaultDockerBinary(): string {
  return existsSync('/usr/bin/docker') ? '/usr/bin/docker' : 'docker';
}

export interface DockerResult {
  code: number;
  stdout: string;
  stderr: string;
}

const INSTALL_FIX = 'run: bash scripts/install-docker.sh';

/** Runs the docker client; turns "no client" and "no daemon" into one clear error. */
export class DockerCli {
  constructor(readonly binary: string = defaultDockerBinary()) {}

  /**
   * Resolves with the exit code and output; never rejects for a non-zero exit.
   * execFile, not a managed process: a client call starts no process of its own and ends by itself
   * (bounded by its timeout), so a group and a watchdog would buy nothing.
   */
  run(args: string[], options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<DockerResult> {
    return new Promise((resolve, reject) => {
      execFile(
        this.binary,
        args,
        { env: options.env ?? process.env, timeout: options.timeoutMs ?? 30_000, maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) => {
          if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') {
            return reject(
              new BackendStartError(`docker backend: the Docker client "${this.binary}" was not found; ${INSTALL_FIX}`),
            );
          }
          const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
          const unreachable = code !== 0 ? daemonUnreachableFix(stderr) : undefined;
          if (unreachable) {
            return reject(
              new BackendStartError(
                `docker backend: no Docker engine answers ("${this.binary}": ` +
                  `${stderr.trim().split('\n')[0]}); ${unreachable}`,
              ),
            );
          }
          resolve({ code, stdout, stderr });
        },
      );
    });
  }

  /** Like run(), but a non-zero exit is an error naming `what` and docker's own words. */
  async runOrFail(
    args: string[],
    what: string,
    options?: { env?: NodeJS.ProcessEnv; timeoutMs?: number },
  ): Promise<string> {
    const result = await this.run(args, options);
    if (result.code !== 0) {
      throw new BackendStartError(`docker backend: ${what} failed: ${(result.stderr || result.stdout).trim()}`);
    }
    return result.stdout;
  }
}

/** The fix for a client that cannot reach the daemon, or undefined when that is not the trouble. */
function daemonUnreachableFix(stderr: string): string | undefined {
  if (/permission denied while trying to connect to the Docker daemon/i.test(stderr)) {
    return 'add your user to the docker group (sudo usermod -aG docker $USER, then log in again)';
  }
  return /Cannot connect to the Docker daemon|Is the docker daemon running/i.test(stderr) ? INSTALL_FIX : undefined;
}

/** Cheap check for choosing a backend: does a Docker engine answer this client? */
export async function dockerDaemonAnswers(binary: string = defaultDockerBinary()): Promise<boolean> {
  try {
    const result = await new DockerCli(binary).run(['version', '--format', '{{.Server.Version}}'], { timeoutMs: 5000 });
    return result.code === 0 && result.stdout.trim() !== '';
  } catch {
    return false;
  }
}
