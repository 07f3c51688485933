import { loadKitVariables } from 'sanctum-spa-kit/config';
import { harnessSettingsSchema, type HarnessSettings } from './settings-schema.ts';

/**
 * Reads the repository's .env (without overriding the real environment) and
 * validates the harness's variables, one line per bad one, as the library does.
 */
export function loadHarnessSettings(projectDir: string, env: NodeJS.ProcessEnv = process.env): HarnessSettings {
  return loadKitVariables(harnessSettingsSchema, projectDir, env);
}
