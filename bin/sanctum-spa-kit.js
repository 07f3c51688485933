#!/usr/bin/env node
// `npx sanctum-spa-kit`: the built CLI in an installed package. In the kit's own checkout,
// where the sources sit beside this file, the sources themselves through tsx (a dev
// dependency there): the command runs what is being edited, with no build step.
import { existsSync } from 'node:fs';

const sourceCli = new URL('../fixtures/tools/cli.ts', import.meta.url);
if (existsSync(sourceCli)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(sourceCli.href);
} else {
  await import('../dist/cli.js');
}
