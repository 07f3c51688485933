import { provisionApi } from '../provision/index.ts';
import { buildSpa } from '../spa/build.ts';
import type { LaravelLine } from './lines.ts';
import type { HarnessSettings } from './settings-schema.ts';

/**
 * Provisions the bundled API and builds the SPA, each only when its inputs
 * changed. The .env it writes names the by-hand origins (npm run dev); the
 * fixtures override FRONTEND_URL and the stateful domains per worker.
 */
export async function provisionBundledApp(
  settings: HarnessSettings,
  line: LaravelLine,
  { force = false } = {},
): Promise<{ spaBuilt: boolean }> {
  await provisionApi({
    line,
    php: settings.KIT_PHP_BINARY,
    spaOrigin: `http://${settings.KIT_HOST}:5173`,
    apiUrl: `http://${settings.KIT_HOST}:8000`,
    userEmail: settings.KIT_TEST_USER_EMAIL,
    userPassword: settings.KIT_TEST_USER_PASSWORD,
    force,
  });
  return { spaBuilt: await buildSpa({ force }) };
}
