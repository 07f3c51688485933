// Builds the API image for one PHP and Laravel line the way the kit's docker
// backend does (only when its inputs changed; the host's SSL_CERT_FILE as a
// build secret) and tags it sanctum-spa-kit/api:php<PHP>-laravel<LARAVEL>,
// the name docker/compose.yaml runs.
//
//   npx tsx docker/build-api-image.ts [--php=8.2|8.4] [--laravel=12|11]
import { parseArgs } from 'node:util';
import { BackendStartError } from 'sanctum-spa-kit/driver';
import { LARAVEL_LINES, PHP_LINES, type BackendLine } from '../app-under-test/harness/lines.ts';
import { runCli } from '../scripts/cli-errors.ts';
import { apiImageAlias, ensureApiImage } from './driver/api-image.ts';
import { DockerCli } from './driver/docker-cli.ts';

const usage =
  `usage: npx tsx docker/build-api-image.ts [--php=${PHP_LINES.join('|')}] ` + `[--laravel=${LARAVEL_LINES.join('|')}]`;

function lineFromArgv(): BackendLine {
  const options = { php: { type: 'string', default: '8.2' }, laravel: { type: 'string', default: '12' } } as const;
  let values: { php: string; laravel: string };
  try {
    values = parseArgs({ options }).values;
  } catch (error) {
    throw new BackendStartError(`build-api-image: ${(error as Error).message}\n${usage}`);
  }
  const php = PHP_LINES.find((line) => line === values.php);
  const laravel = LARAVEL_LINES.find((line) => line === values.laravel);
  if (!php || !laravel) {
    throw new BackendStartError(
      `build-api-image: no image for --php=${values.php} --laravel=${values.laravel}\n${usage}`,
    );
  }
  return { php, laravel };
}

await runCli(async () => {
  const line = lineFromArgv();
  const started = Date.now();
  const image = await ensureApiImage(new DockerCli(), line);
  const alias = apiImageAlias(line);
  // An image that was already current may lack the alias (built by an older kit, or untagged by hand).
  await new DockerCli().runOrFail(['tag', image, alias], `tagging ${image}`);
  console.log(`${alias} is ${image} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`run it: KIT_API_IMAGE=${alias.split(':')[1]} docker compose -f docker/compose.yaml up`);
});
