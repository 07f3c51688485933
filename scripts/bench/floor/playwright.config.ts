// The floor of `npm run bench -- --only=flows-floor`: the kit's five flows written in
// bare @playwright/test, against the stack at KIT_API_URL / KIT_SPA_URL. Nothing of
// the kit: Playwright's defaults, Debian's Chromium with the kit's four launch flags,
// one worker, and the reporters the kit's config gives by default (list, then html).
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  workers: 1,
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: process.env.KIT_SPA_URL,
    browserName: 'chromium',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
