import { execFileSync } from 'node:child_process';
import {
  appEnvFor,
  BackendStartError,
  describeExit,
  freePort,
  laravelLogHeadlines,
  parseAppFacts,
  phpServerUp,
  startProcess,
  untilReady,
  type KitPhpScript,
  type AppFacts,
  type ManagedProcess,
  type BackendDriver,
  type BackendStartOptions,
  type RunningBackend,
} from 'sanctum-spa-kit/driver';
import type { TestUser } from 'sanctum-spa-kit/config';
import type { BackendLine } from '../../app-under-test/harness/lines.ts';
import { ensureApiImage } from './api-image.ts';
import { DockerCli, defaultDockerBinary } from './docker-cli.ts';
import { KIT_LABEL, OWNER_PID_LABEL, RUN_LABEL, removeLeftoverContainers } from './leftovers.ts';

export interface DockerBackendOptions {
  /** The kit's host name in URLs, e.g. localhost (KIT_HOST). */
  host: string;
  line: BackendLine;
  /** The test users (the test user, the roles'): created in each container's database, whatever the image holds. */
  users: TestUser[];
  /** The docker client; defaultDockerBinary() says which and why. */
  dockerBinary?: string;
  /** Labels this run's containers; Playwright workers share their runner's pid, the default. */
  runId?: string;
}

/** Where api.Dockerfile puts the app (api: the provisioned line), its provisioning and the kit's PHP helpers. */
const appInImage = '/srv/app-under-test';
const kitScriptsInImage = '/srv/fixtures/runtime/backend/laravel';
const READY_TIMEOUT_MS = 20_000;

/**
 * Runs the API image (docker/api.Dockerfile: provisioned at build time) as
 * one container per worker, on the host's network: PHP's built-in server on
 * 127.0.0.1 and a free port, as the native backend runs it. The image is
 * built first when its inputs changed. Each container has its own copy of
 * the seeded database (so isolatedDatabase changes nothing): sessions and
 * login throttles never leak between workers. stop() removes the container.
 */
export class DockerBackend implements BackendDriver {
  readonly name = 'docker';
  private readonly docker: DockerCli;

  constructor(private readonly options: DockerBackendOptions) {
    this.docker = new DockerCli(options.dockerBinary ?? defaultDockerBinary());
  }

  /**
   * Once per run, from the kit's global setup: removes the containers an
   * earlier crashed run left, and builds the image if its inputs changed
   * (else one `docker image inspect`), so a build's time is not a test's.
   */
  async prepare(): Promise<void> {
    const removed = await removeLeftoverContainers(this.docker);
    if (removed.length > 0)
      console.log(`docker backend: removed ${removed.length} container(s) left by an earlier run`);
    await this.image();
  }

  /** The tag of the current image, built first when its inputs changed. */
  image(): Promise<string> {
    return ensureApiImage(this.docker, this.options.line);
  }

  async start(options: BackendStartOptions): Promise<RunningBackend> {
    const image = await this.image();
    const port = options.port ?? (await freePort());
    const apiOrigin = `http://${this.options.host}:${port}`;
    // The app's log into the container's output, which `docker logs --since` slices per test.
    const env = { PORT: String(port), LOG_CHANNEL: 'stderr', ...appEnvFor(apiOrigin, options) };
    const containerId = (
      await this.docker.runOrFail(
        [
          'run',
          '--detach',
          '--network',
          'host',
          '--name',
          `sanctum-spa-kit-api-${process.pid}-${port}`,
          '--label',
          `${KIT_LABEL}=1`,
          '--label',
          `${RUN_LABEL}=${this.options.runId ?? process.ppid}`,
          '--label',
          `${OWNER_PID_LABEL}=${process.pid}`,
          ...Object.entries(env).flatMap(([name, value]) => ['--env', `${name}=${value}`]),
          image,
        ],
        `starting a container of ${image}`,
      )
    ).trim();

    // Should this process end without stop(), take the container along (synchronously: an exit handler
    // runs no asynchronous work).
    const removeOnExit = () => execFileSync(this.docker.binary, ['rm', '--force', containerId], { stdio: 'ignore' });
    process.once('exit', removeOnExit);
    const stop = async () => {
      process.off('exit', removeOnExit);
      await this.docker.run(['rm', '--force', containerId]);
    };
    const logTail = () => this.logTail(containerId);
    const logSince = async (since: Date) => {
      const logs = await this.docker.run(['logs', '--since', since.toISOString(), containerId]);
      return (
        `--- docker logs ${containerId.slice(0, 12)} (requests and the app's ` +
        `log) ---\n${`${logs.stdout}${logs.stderr}`.trim() || '(nothing)'}`
      );
    };
    const exited = async () => {
      const exitCode = await this.exitCodeIfStopped(containerId);
      if (exitCode === undefined) return undefined;
      const last = await this.docker.run(['logs', '--tail', '15', containerId]);
      return (
        `the API container ${containerId.slice(0, 12)} is no longer running (exit code ` +
        `${exitCode}); its last output:\n${`${last.stdout}${last.stderr}`.trim() || '(none)'}`
      );
    };

    // Follows the server's output until the container stops: the "started"
    // line says it listens, and the follower's end says it exited.
    const follower = startProcess({
      label: `docker logs of ${containerId.slice(0, 12)}`,
      command: this.docker.binary,
      args: ['logs', '--follow', containerId],
    });
    try {
      const [facts] = await Promise.all([this.readFacts(containerId), this.untilUp(follower, apiOrigin)]);
      await this.docker.runOrFail(
        [
          'exec',
          containerId,
          'php',
          `${kitScriptsInImage}/ensure-test-user.php`,
          `${appInImage}/api`,
          ...this.options.users.flatMap((user) => [user.email, user.password]),
        ],
        'creating the test users in the container (ensure-test-user.php)',
      );
      const kitPhp = (script: KitPhpScript, args: string[] = []) =>
        this.docker.runOrFail(
          ['exec', containerId, 'php', `${kitScriptsInImage}/${script}`, `${appInImage}/api`, ...args],
          `running the kit's ${script} in the container`,
        );
      return { apiOrigin, facts, logSince, exited, kitPhp, stop };
    } catch (error) {
      const report = await logTail();
      const exitCode = await this.exitCodeIfStopped(containerId);
      await stop();
      const reason = report.includes('Address already in use')
        ? `port ${port} is already in use: stop what listens there or pick another port`
        : exitCode !== undefined
          ? `the container exited (exit ${exitCode}) before /up answered; its output is below`
          : (error as Error).message.replace(/^docker backend: /, '');
      throw new BackendStartError(`docker backend (${image}) on ${apiOrigin} did not start: ${reason}\n${report}`);
    } finally {
      await follower.stop();
    }
  }

  /**
   * Resolves once the server in the container answers /up; rejects when the follower ends first (the container
   * stopped), or at the deadline.
   */
  private async untilUp(follower: ManagedProcess, apiOrigin: string): Promise<void> {
    const outcome = await untilReady(phpServerUp(follower, apiOrigin), {
      timeoutMs: READY_TIMEOUT_MS,
      process: follower,
    });
    if (outcome.kind === 'exited')
      throw new Error(`the server's output ended (docker logs: ${describeExit(outcome.exit)}) before it was ready`);
    if (outcome.kind === 'timeout')
      throw new Error(`${apiOrigin} was not up within ${READY_TIMEOUT_MS} ms (${outcome.lastSeen ?? 'nothing seen'})`);
  }

  /** Boots the app once inside the container, with the server's environment. */
  private async readFacts(containerId: string): Promise<AppFacts> {
    const stdout = await this.docker.runOrFail(
      ['exec', containerId, 'php', `${kitScriptsInImage}/app-facts.php`, `${appInImage}/api`],
      'reading the app facts (app-facts.php)',
    );
    return parseAppFacts(stdout);
  }

  private async exitCodeIfStopped(containerId: string): Promise<string | undefined> {
    const state = await this.docker.run(['inspect', '--format', '{{.State.Running}} {{.State.ExitCode}}', containerId]);
    const [running, exitCode] = state.stdout.trim().split(' ');
    return running === 'false' ? exitCode : undefined;
  }

  private async logTail(containerId: string): Promise<string> {
    const server = await this.docker.run(['logs', '--tail', '40', containerId]);
    const laravel = await this.docker.run([
      'exec',
      containerId,
      'tail',
      '-n',
      '400',
      `${appInImage}/api/storage/logs/laravel.log`,
    ]);
    return [
      `--- docker logs ${containerId.slice(0, 12)} ---`,
      `${server.stdout}${server.stderr}`.trim() || '(no output)',
      '--- storage/logs/laravel.log ---',
      laravel.code === 0 ? laravelLogHeadlines(laravel.stdout) : '(no log, or the container is not running)',
    ].join('\n');
  }
}
