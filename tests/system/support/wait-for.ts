import { untilReady } from 'sanctum-spa-kit/driver';

/**
 * Looks until a condition yields a value (paced by the kit's untilReady), bounded; the error names what never showed.
 */
export async function waitFor<T>(condition: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  let value: T | undefined;
  const outcome = await untilReady(async () => (value = await condition()) !== undefined, { timeoutMs });
  if (outcome.kind !== 'ready') throw new Error(`no sign of ${what} within ${timeoutMs / 1000} s`);
  return value as T;
}
