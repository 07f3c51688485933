import { existsSync } from 'node:fs';
import path from 'node:path';
import { BackendStartError, runProcess, type ManagedProcess } from 'sanctum-spa-kit/driver';
import { DEBIAN_SUITE_OF, type BackendLine } from '../../app-under-test/harness/lines.ts';
import { projectDir } from '../../app-under-test/harness/paths.ts';
import type { DockerCli } from './docker-cli.ts';
import { buildFailureReport } from './build-failure.ts';
import { apiDockerfile, apiImageInputsHash } from './image-inputs.ts';

/** Which PHP and Laravel an API image runs: one image per line. */
export type ApiImageVariant = BackendLine;

const apiImageRepository = 'sanctum-spa-kit/api';

/** The human-facing tag, moved to the newest build of a variant (docker/compose.yaml runs it). */
export function apiImageAlias(variant: ApiImageVariant): string {
  return `${apiImageRepository}:php${variant.php}-laravel${variant.laravel}`;
}

const BUILD_TIMEOUT_MS = 15 * 60_000;
const ensured = new Map<string, Promise<string>>();

/**
 * The tag of an API image built from the current inputs: the variant and the
 * first 16 hex digits of the inputs' hash (image-inputs.ts), so "is it
 * current?" is one `docker image inspect`. Builds it when missing, once per
 * process however many backends ask at the same time.
 */
export function ensureApiImage(docker: DockerCli, variant: ApiImageVariant): Promise<string> {
  const key = `${docker.binary} ${variant.php} ${variant.laravel}`;
  let image = ensured.get(key);
  if (!image) {
    image = ensureApiImageNow(docker, variant);
    ensured.set(key, image);
    image.catch(() => ensured.delete(key));
  }
  return image;
}

function buildArgsOf(variant: ApiImageVariant): Record<string, string> {
  return { SUITE: DEBIAN_SUITE_OF[variant.php], PHP_VERSION: variant.php, LARAVEL: variant.laravel };
}

/** The tag the current inputs call for, and whether that image exists: the whole cost of a cached run. */
export async function currentApiImage(
  docker: DockerCli,
  variant: ApiImageVariant,
): Promise<{ tag: string; exists: boolean }> {
  const tag = `${apiImageAlias(variant)}-${(await apiImageInputsHash(buildArgsOf(variant))).slice(0, 16)}`;
  return { tag, exists: (await docker.run(['image', 'inspect', '--format', '{{.Id}}', tag])).code === 0 };
}

async function ensureApiImageNow(docker: DockerCli, variant: ApiImageVariant): Promise<string> {
  const buildArgs = buildArgsOf(variant);
  const { tag, exists } = await currentApiImage(docker, variant);
  if (exists) return tag;

  // Minutes on a cold machine, seconds with Docker's and Composer's caches: say so.
  const started = Date.now();
  process.stderr.write(`docker backend: building ${tag} (new inputs or no image yet)\n`);
  await ensureBaseImage(docker, buildArgs.SUITE);
  await build(docker, tag, buildArgs);
  await docker.runOrFail(['tag', tag, apiImageAlias(variant)], `tagging ${tag}`);
  await removeOlderBuilds(docker, variant, tag);
  process.stderr.write(`docker backend: built ${tag} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  return tag;
}

/** debian:<suite>-slim, pulled or made with debootstrap (docker/base-image.sh). */
async function ensureBaseImage(docker: DockerCli, suite: string): Promise<void> {
  const script = path.join(projectDir, 'docker', 'base-image.sh');
  const { code, output } = await run('base-image.sh', 'bash', [script, suite], {
    ...process.env,
    KIT_DOCKER_BINARY: docker.binary,
  });
  if (code !== 0) {
    throw new BackendStartError(
      `docker backend: the base image debian:${suite}-slim is missing and could not be made:\n${output.last(25)}`,
    );
  }
}

async function build(docker: DockerCli, tag: string, buildArgs: Record<string, string>): Promise<void> {
  // A TLS-intercepting proxy's CA, named by the host in SSL_CERT_FILE, goes in
  // as a build secret: mounted for the provisioning step only, in no layer.
  const caBundle = process.env.SSL_CERT_FILE;
  const secret = caBundle && existsSync(caBundle) ? ['--secret', `id=host-ca,src=${caBundle}`] : [];
  const args = [
    'build',
    '--network',
    'host',
    '--progress',
    'plain',
    '--file',
    apiDockerfile,
    ...Object.entries(buildArgs).flatMap(([name, value]) => ['--build-arg', `${name}=${value}`]),
    ...secret,
    '--label',
    'sanctum-spa-kit=1',
    '--tag',
    tag,
    projectDir,
  ];
  const started = Date.now();
  const { code, output } = await run(
    'docker build',
    docker.binary,
    args,
    { ...process.env, DOCKER_BUILDKIT: '1' },
    BUILD_TIMEOUT_MS,
  );
  if (code === 0) return;
  const fix = output.includes('buildx component is missing')
    ? '\n  fix: this client needs the buildx plugin for BuildKit; install ' +
      "it, or use Debian's client (/usr/bin/docker from docker.io)"
    : '';
  throw new BackendStartError(
    `docker backend: building ${tag} failed after ${((Date.now() - started) / 1000).toFixed(0)} s (exit ${code}):\n` +
      `${buildFailureReport(output.last(400))}${fix}\n  command: DOCKER_BUILDKIT=1 ${docker.binary} ${args.join(' ')}`,
  );
}

/** Drops this variant's images built from earlier inputs, unless a container still uses one. */
async function removeOlderBuilds(docker: DockerCli, variant: ApiImageVariant, current: string): Promise<void> {
  const listed = await docker.run(['image', 'ls', apiImageRepository, '--format', '{{.Repository}}:{{.Tag}}']);
  const older = listed.stdout
    .split('\n')
    .filter((tag) => tag.startsWith(`${apiImageAlias(variant)}-`) && tag !== current);
  if (older.length > 0) await docker.run(['image', 'rm', ...older]);
}

/**
 * Runs a command as a managed process, bounded; its exit code (128 when killed, 1 when it never ran) and last lines.
 */
async function run(
  label: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 5 * 60_000,
): Promise<{ code: number; output: ManagedProcess['output'] }> {
  const { exit, process: finished } = await runProcess({ label, command, args, env, tailLines: 400 }, { timeoutMs });
  return { code: exit.code ?? (exit.signal ? 128 : 1), output: finished.output };
}
