import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { sharedBuildState } from '../../fixtures/runtime/spa/shared-build-state.ts';

// The global setup's check that two workers' dev servers will not share one build folder, on real
// project folders: a Next or Nuxt config file, as each framework's generator writes it.

const test = base.extend<{ project: (configFile: string, text?: string) => Promise<string> }>({
  project: async ({}, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kit-spa-project-'));
    await use(async (configFile, text = 'export default {};\n') => {
      await writeFile(path.join(dir, configFile), text);
      return dir;
    });
    await rm(dir, { recursive: true, force: true });
  },
});

const NEXT_DEV = { command: 'npx next dev', env: { PORT: '{port}', NEXT_PUBLIC_API_URL: '{api}' } };

test('two workers running next dev in one project are refused before any test, with the fix', async ({ project }) => {
  const cwd = await project('next.config.ts');
  const problem = sharedBuildState({ ...NEXT_DEV, cwd }, 2);
  expect(problem?.message).toContain(`2 workers would run "npx next dev" in one Next.js project (${cwd})`);
  expect(problem?.message).toContain("NEXT_DIST_DIR: '.next-kit/{worker}'");
  expect(problem?.stack).toBe(problem?.message);
});

test('a Nuxt project is named as such', async ({ project }) => {
  const cwd = await project('nuxt.config.ts');
  expect(sharedBuildState({ command: 'npx nuxt dev --port {port}', cwd }, 4)?.message).toContain(
    'one Nuxt project (${cwd})'.replace('${cwd}', cwd),
  );
});

test('one worker, a folder per worker, or a config that places its build folder itself: nothing shared', async ({
  project,
}) => {
  const cwd = await project('next.config.mjs');
  expect(sharedBuildState({ ...NEXT_DEV, cwd }, 1)).toBeUndefined();
  expect(sharedBuildState({ ...NEXT_DEV, env: { ...NEXT_DEV.env, D: '.next-kit/{worker}' }, cwd }, 2)).toBeUndefined();
  expect(sharedBuildState({ ...NEXT_DEV, env: { ...NEXT_DEV.env, D: '{scratch}' }, cwd }, 2)).toBeUndefined();
  expect(sharedBuildState({ ...NEXT_DEV, env: { ...NEXT_DEV.env, D: '.next-{port}' }, cwd }, 2)).toBeUndefined();
  await project('next.config.mjs', "export default { distDir: process.env.BUILD ?? '.next' };\n");
  expect(sharedBuildState({ ...NEXT_DEV, cwd }, 2)).toBeUndefined();
});

test('a Vite project is not flagged: its dev servers share only the dependency cache', async ({ project }) => {
  const cwd = await project('vite.config.ts');
  expect(sharedBuildState({ command: 'npx vite --port {port} --strictPort --bypass-lock', cwd }, 2)).toBeUndefined();
});
