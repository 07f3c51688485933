import { KitError } from 'sanctum-spa-kit/driver';
import { projectDir } from '../../../app-under-test/harness/paths.ts';
import { loadHarnessSettings } from '../../../app-under-test/harness/settings.ts';
import { defaultDockerBinary, dockerDaemonAnswers } from '../../../docker/driver/docker-cli.ts';
import { runPlaywright, type PassResult, type PlaywrightRun } from '../support/playwright-pass.ts';

/**
 * `npx playwright test` as it is (KIT_BACKEND, auto by default); when Docker
 * answers, native and the docker version matrix too; then the production
 * topologies and their twins, natively. Under CI=true a missing Docker engine
 * fails the run instead of shrinking it.
 */
export async function kitPass(): Promise<PassResult[]> {
  const settings = loadHarnessSettings(projectDir);
  const dockerAnswers = await dockerDaemonAnswers(settings.KIT_DOCKER_BINARY ?? defaultDockerBinary());
  if (process.env.CI && !dockerAnswers && settings.KIT_BACKEND !== 'native') {
    throw new KitError('the kit pass: CI needs a Docker engine for the docker runs: bash scripts/install-docker.sh');
  }
  const runs: PlaywrightRun[] = [{ name: 'default', env: {}, args: [] }];
  if (dockerAnswers && settings.KIT_BACKEND === 'auto') {
    // The specs that run against a backend (projectsFor in playwright.config.ts); the unit project,
    // which needs none, ran in the default run already.
    const backendProjects = ['--project=wire', '--project=chromium', '--project=twin*'];
    runs.push({ name: 'native', env: { KIT_BACKEND: 'native' }, args: backendProjects });
    runs.push({ name: 'docker-matrix', env: { KIT_BACKEND: 'docker', KIT_MATRIX: 'all' }, args: ['--project=* @ *'] });
  } else if (!dockerAnswers) {
    console.log(
      'kit pass: no Docker engine answers; the docker backend and its ' +
        'matrix are not tested (bash scripts/install-docker.sh adds them)',
    );
  }
  runs.push({
    name: 'topologies (https on subdomains, replicas, SSR; their twins)',
    env: { KIT_BACKEND: 'native', KIT_TOPOLOGIES: 'all' },
    args: ['--project=https*', '--project=replicas*', '--project=ssr*'],
  });
  const results: PassResult[] = [];
  for (const run of runs) results.push(await runPlaywright(run));
  return results;
}
