import { existsSync } from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import { SettingsError } from '../../fixtures/config/settings-error.ts';
import { harnessSettingsSchema, type HarnessSettings } from './settings-schema.ts';

/**
 * Reads the repository's .env (without overriding the real environment) and
 * validates the harness's variables, one line per bad one.
 */
export function loadHarnessSettings(projectDir: string, env: NodeJS.ProcessEnv = process.env): HarnessSettings {
  const dotenvFile = path.join(projectDir, '.env');
  const fromFile = existsSync(dotenvFile) ? dotenv.config({ path: dotenvFile, processEnv: {}, quiet: true }).parsed ?? {} : {};
  const merged: Record<string, string | undefined> = { ...fromFile, ...env };
  const candidate = Object.fromEntries(Object.keys(harnessSettingsSchema.shape).map((name) => [name, merged[name] === '' ? undefined : merged[name]]));
  const result = harnessSettingsSchema.safeParse(candidate);
  if (!result.success) {
    throw new SettingsError(
      result.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        return `${name}=${JSON.stringify(candidate[name] ?? '')}: expected ${issue.message}`;
      }),
    );
  }
  return result.data;
}
