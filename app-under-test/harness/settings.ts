import { readKitVariables, parseVariables } from '../../fixtures/config/env-overrides.ts';
import { SettingsError } from '../../fixtures/config/settings-error.ts';
import { harnessSettingsSchema, type HarnessSettings } from './settings-schema.ts';

/**
 * Reads the repository's .env (without overriding the real environment) and
 * validates the harness's variables, one line per bad one, as the library does.
 */
export function loadHarnessSettings(projectDir: string, env: NodeJS.ProcessEnv = process.env): HarnessSettings {
  const { values, problems } = parseVariables(harnessSettingsSchema, readKitVariables(projectDir, Object.keys(harnessSettingsSchema.shape), env));
  if (!values) throw new SettingsError(problems);
  return values;
}
