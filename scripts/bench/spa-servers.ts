import { chromium } from '@playwright/test';
import { startSpaServer } from '../../app-under-test/spa/server.ts';
import { spaDir, spaDistDir } from '../../app-under-test/harness/paths.ts';
import { freePort, type BackendDriver } from 'sanctum-spa-kit/driver';
import { chromiumLaunchOptions } from 'sanctum-spa-kit/config';
import { formatRow, measure } from './measure.ts';

/**
 * The SPA served two ways, timed from "start the server" to "Chromium shows
 * the login form" (page load, runtime config, csrf-cookie, /api/user 401):
 * the built dist/ behind the kit's static server, and Vite's dev server.
 */
export async function benchSpaServers(backendDriver: BackendDriver, host: string): Promise<void> {
  const spaPort = await freePort();
  const spaOrigin = `http://${host}:${spaPort}`;
  const backend = await backendDriver.start({ spaOrigin, envOverrides: {}, workerIndex: 98 });
  const browser = await chromium.launch(chromiumLaunchOptions(process.env.KIT_CHROMIUM_PATH));
  const untilLoginForm = async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${spaOrigin}/`);
    await page.getByRole('form', { name: 'Log in' }).waitFor();
    await context.close();
  };
  try {
    const staticServer = await measure(5, async () => {
      const server = await startSpaServer({
        distDir: spaDistDir,
        host: '127.0.0.1',
        port: spaPort,
        apiOrigin: backend.apiOrigin,
      });
      await untilLoginForm();
      await server.close();
    });
    console.log(formatRow('SPA ready in Chromium: built dist/ + kit static server', 5, staticServer));
    process.env.API_ORIGIN = backend.apiOrigin;
    const { createServer } = await import('vite');
    const devServer = await measure(5, async () => {
      const server = await createServer({
        configFile: `${spaDir}/vite.config.ts`,
        root: spaDir,
        logLevel: 'silent',
        server: { host: '127.0.0.1', port: spaPort, strictPort: true },
      });
      await server.listen();
      await untilLoginForm();
      await server.close();
    });
    console.log(formatRow("SPA ready in Chromium: Vite's dev server", 5, devServer));
  } finally {
    await browser.close();
    await backend.stop();
  }
}
