// npm run provision [-- --line=12|11|all] [--force]: provisions the app under test
// of a Laravel line (KIT_LARAVEL_LINE by default) at app-under-test/apps/laravel<line>
// and builds the SPA, each skipped when nothing changed.
import { parseArgs } from 'node:util';
import { KitError } from 'sanctum-spa-kit/driver';
import { LARAVEL_LINES, type LaravelLine } from '../app-under-test/harness/lines.ts';
import { projectDir } from '../app-under-test/harness/paths.ts';
import { provisionBundledApp } from '../app-under-test/harness/provision-bundled-app.ts';
import { loadHarnessSettings } from '../app-under-test/harness/settings.ts';
import { runCli } from './cli-errors.ts';

await runCli(async () => {
  const { values } = parseArgs({ options: { line: { type: 'string' }, force: { type: 'boolean', default: false } } });
  const settings = loadHarnessSettings(projectDir);
  const requested = values.line ?? settings.KIT_LARAVEL_LINE;
  const lines = requested === 'all' ? [...LARAVEL_LINES] : LARAVEL_LINES.filter((line) => line === requested);
  if (lines.length === 0)
    throw new KitError(`provision: --line=${requested}: expected one of ${LARAVEL_LINES.join(', ')}, or all`);
  const started = performance.now();
  let spaBuilt = false;
  for (const line of lines as LaravelLine[])
    spaBuilt = (await provisionBundledApp(settings, line, { force: values.force })).spaBuilt || spaBuilt;
  console.log(
    `spa build: ${spaBuilt ? 'built' : 'up to date'} (${((performance.now() - started) / 1000).toFixed(2)} s in all)`,
  );
});
