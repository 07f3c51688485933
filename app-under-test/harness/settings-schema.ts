import { z } from 'zod';
import { kitVariablesSchema } from 'sanctum-spa-kit/config';
import { LARAVEL_LINES, PHP_LINES } from './lines.ts';

const library = kitVariablesSchema.shape;

/**
 * What the kit's own harness reads, documented in .env.example: its own
 * variables, and the library's it needs before the config exists (for
 * provisioning), validated by the library's rules with the library's defaults.
 */
export const harnessSettingsSchema = z.object({
  KIT_BACKEND: z
    .enum(['auto', 'docker', 'native', 'external'], { error: 'one of auto, docker, native, external' })
    .default('auto'),
  KIT_PHP_LINE: z
    .enum(PHP_LINES, { error: `one of ${PHP_LINES.join(', ')} (Debian bookworm's, trixie's)` })
    .default('8.2'),
  KIT_LARAVEL_LINE: z.enum(LARAVEL_LINES, { error: `one of ${LARAVEL_LINES.join(', ')}` }).default('12'),
  KIT_MATRIX: z.enum(['off', 'all'], { error: 'off, or all (every PHP and Laravel line, docker only)' }).default('off'),
  KIT_TOPOLOGIES: z
    .enum(['off', 'all'], { error: 'off, or all (the production topologies: https on subdomains, with their twins)' })
    .default('off'),
  KIT_DOCKER_BINARY: z.string().min(1).optional(),
  KIT_PHP_BINARY: library.KIT_PHP_BINARY.unwrap().default('php'),
  KIT_HOST: library.KIT_HOST.unwrap().default('localhost'),
  KIT_TEST_USER_EMAIL: library.KIT_TEST_USER_EMAIL.unwrap().default('test@example.com'),
  KIT_TEST_USER_PASSWORD: library.KIT_TEST_USER_PASSWORD.unwrap().default('password'),
});

export type HarnessSettings = z.infer<typeof harnessSettingsSchema>;
