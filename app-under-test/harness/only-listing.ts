import { NATIVE_PHP_LINE } from './lines.ts';
import type { HarnessSettings } from './settings-schema.ts';

/**
 * True when the runner was only asked to list the tests (`playwright test
 * --list`, which editors call often): Playwright then loads the config and
 * the spec files, and runs neither the global setup nor any test, so no
 * backend will be used. UI mode is not listing: its config is the one its
 * tests run with.
 */
export function onlyListing(argv: readonly string[] = process.argv): boolean {
  return argv.includes('--list');
}

/**
 * KIT_BACKEND=auto for a listing, chosen without running docker or php: the
 * backend whose projects the settings ask for (the topologies run natively,
 * the version matrix on docker). The default projects are the same on both.
 */
export function listedBackendName(settings: HarnessSettings): 'docker' | 'native' {
  const topologies = settings.KIT_TOPOLOGIES === 'all' && settings.KIT_PHP_LINE === NATIVE_PHP_LINE;
  return topologies && settings.KIT_MATRIX !== 'all' ? 'native' : 'docker';
}
