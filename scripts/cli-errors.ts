import { exitOnKitError } from 'sanctum-spa-kit/driver';

/** Runs a script's main; a user mistake prints its message (no stack trace) and exits 1. */
export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    exitOnKitError(error);
  }
}
