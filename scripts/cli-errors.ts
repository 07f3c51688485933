import { ProvisionFailed } from '../app-under-test/provision/index.ts';
import { BackendStartError } from '../fixtures/backend/driver.ts';
import { KitConfigError } from '../fixtures/config/load.ts';

/** Runs a script's main; a user mistake prints its message (no stack trace) and exits 1. */
export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof KitConfigError || error instanceof ProvisionFailed || error instanceof BackendStartError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
