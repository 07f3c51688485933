import { z } from 'zod';
import { LARAVEL_LINES, PHP_LINES } from './lines.ts';

/**
 * The variables only the kit's own harness reads (the library's KIT_* are in
 * fixtures/config/env-overrides.ts), documented in .env.example.
 */
export const harnessSettingsSchema = z.object({
  KIT_BACKEND: z.enum(['auto', 'docker', 'native', 'external'], { error: 'one of auto, docker, native, external' }).default('auto'),
  KIT_PHP_LINE: z.enum(PHP_LINES, { error: `one of ${PHP_LINES.join(', ')} (Debian bookworm's, trixie's)` }).default('8.2'),
  KIT_LARAVEL_LINE: z.enum(LARAVEL_LINES, { error: `one of ${LARAVEL_LINES.join(', ')}` }).default('12'),
  KIT_MATRIX: z.enum(['off', 'all'], { error: 'off, or all (every PHP and Laravel line, docker only)' }).default('off'),
  KIT_DOCKER_BINARY: z.string().min(1).optional(),
  KIT_PHP_BINARY: z.string().min(1).default('php'),
  KIT_HOST: z.string().regex(/^[a-z0-9.-]+$/i, { error: 'a host name such as localhost or 127.0.0.1' }).default('localhost'),
  KIT_TEST_USER_EMAIL: z.email({ error: 'an e-mail address' }).default('test@example.com'),
  KIT_TEST_USER_PASSWORD: z.string().min(1, { error: 'a non-empty password' }).default('password'),
});

export type HarnessSettings = z.infer<typeof harnessSettingsSchema>;
