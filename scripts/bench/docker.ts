import path from 'node:path';
import { projectDir } from '../../app-under-test/harness/paths.ts';
import { currentApiImage, ensureApiImage, type ApiImageVariant } from '../../docker/driver/api-image.ts';
import { DockerBackend } from '../../docker/driver/docker-backend.ts';
import { DEFAULT_LINE } from '../../app-under-test/harness/lines.ts';
import type { TestUser } from 'sanctum-spa-kit/config';
import { describeExit, runProcess } from 'sanctum-spa-kit/driver';
import { DockerCli } from '../../docker/driver/docker-cli.ts';
import { measure, type Figures } from './measure.ts';

type Report = (label: string, runs: number, figures: Figures) => void;

async function run(command: string, args: string[]): Promise<void> {
  const { exit } = await runProcess({ label: command, command, args, cwd: projectDir });
  if (exit.code !== 0) throw new Error(`${command} ${args.join(' ')} failed (${describeExit(exit)})`);
}

/**
 * Docker figures. With `cold`, first removes the kit's images, the Debian base
 * images and Docker's build cache (this machine's other builds lose theirs
 * too), so base and app image builds are timed from nothing.
 */
export async function benchDocker(
  report: Report,
  host: string,
  user: TestUser,
  { cold }: { cold: boolean },
): Promise<void> {
  const docker = new DockerCli();
  const variant: ApiImageVariant = DEFAULT_LINE;
  const baseImageScript = path.join(projectDir, 'docker', 'base-image.sh');
  if (cold) {
    const images = (await docker.run(['images', '--quiet', '--filter', 'label=sanctum-spa-kit=1'])).stdout
      .split('\n')
      .filter(Boolean);
    if (images.length > 0) await docker.run(['rmi', '--force', ...new Set(images)]);
    await docker.run(['rmi', '--force', 'debian:bookworm-slim']);
    await docker.run(['builder', 'prune', '--all', '--force']);
    report(
      'base image debian:bookworm-slim, cold (debootstrap + docker import)',
      1,
      await measure(1, () => run('bash', [baseImageScript, 'bookworm'])),
    );
    report(
      'API image php8.2-laravel12, cold (no build cache, empty Composer cache in the build)',
      1,
      await measure(1, () => ensureApiImage(docker, variant)),
    );
  }
  report('base image, cached (present)', 5, await measure(5, () => run('bash', [baseImageScript, 'bookworm'])));
  await ensureApiImage(docker, variant);
  report(
    'API image, cached (inputs unchanged: hash + docker image inspect)',
    5,
    await measure(5, () => currentApiImage(docker, variant)),
  );

  const backend = new DockerBackend({ host, line: variant, users: [user] });
  let stopTimes: number[] = [];
  report(
    'API container start to /up 200 (docker, cached image, includes app facts)',
    5,
    await measure(5, async () => {
      const running = await backend.start({ spaOrigin: `http://${host}:5173`, envOverrides: {}, workerIndex: 97 });
      const started = performance.now();
      await running.stop();
      stopTimes.push((performance.now() - started) / 1000);
    }),
  );
  stopTimes = stopTimes.sort((a, b) => a - b);
  report('API container removal (docker rm -f)', stopTimes.length, {
    median: stopTimes[Math.floor(stopTimes.length / 2)],
    min: stopTimes[0],
    max: stopTimes.at(-1)!,
  });
}
