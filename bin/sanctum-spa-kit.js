#!/usr/bin/env node
// `npx sanctum-spa-kit`: the built CLI in an installed package. In the kit's own checkout
// (its tsconfig.json beside the sources: the package ships the sources for its source maps,
// never the tsconfig), the sources themselves through tsx (a dev dependency there): the
// command runs what is being edited, with no build step.
import { existsSync } from 'node:fs';

const checkout = existsSync(new URL('../tsconfig.json', import.meta.url));
if (checkout) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../fixtures/tools/cli.ts', import.meta.url).href);
} else {
  // Stack frames of the built code name the shipped sources (dist/*.map).
  process.setSourceMapsEnabled(true);
  await import('../dist/cli.js');
}
