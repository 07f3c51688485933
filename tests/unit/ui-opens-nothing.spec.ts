import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import { BUNDLED_LARAVEL_APP, laravelBackendSource, writeConsumerProject } from './support/consumer-project.ts';
import { makeStandInPrograms, type StandInPrograms } from './support/stand-in-programs.ts';
import { liveGroupMembers } from './support/test-processes.ts';
import { startUiMode, type UiModeServer } from './support/ui-mode-server.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

// Opening `npx playwright test --ui` runs the config's global setup as soon as the UI's page connects,
// before any test is chosen. Here the UI runs for real on consumers' configs and on the kit's own, every
// program it could start replaced by a stand-in that only writes down its name and arguments; the test's
// own page opens the UI and waits for its test tree (shown only once the global setup passed). Opening
// must leave the record empty and the kit's scratch folder unmade, and stopping the UI must leave nothing
// of it running.

/**
 * What opening the UI left: the stand-ins called (name and arguments), the requests an external stack got
 * (method and path) and whether the scratch folder exists.
 */
interface Opened {
  started: string[];
  requests: readonly string[];
  scratchMade: boolean;
}

interface UiSandbox {
  programs: StandInPrograms;
  /**
   * Starts the UI in `dir`, opens it in `page` and waits for its test tree (or for something
   * started: a stand-in called, one of `requests` sent, the scratch folder made); when nothing was, checks the
   * kit's UI-mode line, stops the UI and checks that none of its processes is left. Returns what opening left.
   */
  open: (dir: string, page: Page, requests?: readonly string[], env?: NodeJS.ProcessEnv) => Promise<Opened>;
}

const test = base.extend<{ sandbox: UiSandbox }>({
  sandbox: async ({}, use) => {
    const programs = await makeStandInPrograms('kit-ui-');
    let ui: UiModeServer | undefined;
    await use({
      programs,
      open: async (dir, page, requests = [], env = {}) => {
        ui = startUiMode(dir, { ...programs.env, ...env });
        const [, url] = await ui.waitForOutput(/Listening on (http:\/\/127\.0\.0\.1:\d+)/, 30_000);
        await page.goto(url);
        // The tree lists the spec files only after the global setup passed; a setup that started something
        // may fail instead (a stand-in makes no database template), so the record ends the wait too.
        const tree = page.getByRole('treeitem').first();
        const opened = async (): Promise<Opened> => ({
          started: await programs.started(),
          requests,
          scratchMade: programs.scratchMade(),
        });
        await expect
          .poll(
            async () =>
              startedSomething(await opened())
                ? 'something started'
                : (await tree.isVisible())
                  ? 'tests shown'
                  : 'waiting',
            { timeout: 30_000, message: `the UI never showed its tests; it printed:\n${ui.output()}` },
          )
          .not.toBe('waiting');
        const left = await opened();
        if (startedSomething(left)) return left; // the test names it; the cleanup stops the UI
        // The global setup's own output goes to the UI's output pane, not to the server's stdout.
        await page.getByRole('button', { name: /Toggle output/ }).click();
        const kitLine = page.getByText('sanctum-spa-kit: UI mode: backends start when you run a test');
        await expect(kitLine, "the UI's output pane lacks the kit's UI-mode line").toBeVisible({ timeout: 5_000 });
        await page.close();
        await ui.interrupt(15_000);
        expect(liveGroupMembers(ui.group), "the UI's processes still running after it exited").toEqual([]);
        return left;
      },
    });
    ui?.kill();
    await programs.remove();
  },
});

function startedSomething({ started, requests, scratchMade }: Opened): boolean {
  return started.length > 0 || requests.length > 0 || scratchMade;
}

const NOTHING: Opened = { started: [], requests: [], scratchMade: false };
const STARTED_SOMETHING =
  'opening the UI must call no program (started: the stand-ins called, name and arguments), send the external ' +
  'stack no request (requests) and make no kit scratch folder (scratchMade: KIT_SCRATCH_DIR, provisioning)';

test("opening the UI on a consumer's laravel-mode config starts neither its app, its SPA command nor Chromium", async ({
  sandbox,
  page,
}) => {
  test.setTimeout(90_000);
  const dir = path.join(sandbox.programs.root, 'consumer');
  // The real app, so that a setup preparing it would get past its checks and start php (the database template).
  await writeConsumerProject(dir, laravelBackendSource(sandbox.programs.standIn('next'), BUNDLED_LARAVEL_APP));
  expect(await sandbox.open(dir, page), STARTED_SOMETHING).toEqual(NOTHING);
});

test("opening the UI on a consumer's external-mode config sends its stack no request", async ({ sandbox, page }) => {
  test.setTimeout(90_000);
  // One server stands for both the API and the SPA and writes down every request it gets, whatever its path.
  const requests: string[] = [];
  const stack = http.createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    response.writeHead(200).end();
  });
  await new Promise<void>((resolve) => stack.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(stack.address() as AddressInfo).port}`;
  try {
    const dir = path.join(sandbox.programs.root, 'consumer');
    await writeConsumerProject(dir, `{ external: { apiUrl: '${origin}', spaUrl: '${origin}' } }`);
    expect(await sandbox.open(dir, page, requests), STARTED_SOMETHING).toEqual(NOTHING);
  } finally {
    stack.closeAllConnections();
    await new Promise((resolve) => stack.close(resolve));
  }
});

// KIT_BACKEND=auto is left out: the harness's config, which the UI keeps for the tests it runs, asks
// `docker version` and `php -v` to choose (app-under-test/harness/resolve-backend.ts); only --list skips that.
for (const backend of ['native', 'docker']) {
  test(`opening the UI on the kit's own suite (KIT_BACKEND=${backend}) provisions nothing, builds no image`, async ({
    sandbox,
    page,
  }) => {
    test.setTimeout(90_000);
    expect(await sandbox.open(REPO, page, [], { KIT_BACKEND: backend }), STARTED_SOMETHING).toEqual(NOTHING);
  });
}
