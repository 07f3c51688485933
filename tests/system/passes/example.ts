import { packKit } from '../consumer/pack-kit.ts';
import { exampleDir, installExample, nextjsExampleDir } from '../support/example-consumer.ts';
import { runPlaywright, type PassResult } from '../support/playwright-pass.ts';

/**
 * The examples as their users run them, the kit from the tarball and `npx playwright test`: examples/consumer
 * (webServer starting the stack), then examples/nextjs (the kit starting the bundled Laravel app and `next dev` per
 * worker).
 */
export async function examplePass(): Promise<PassResult[]> {
  await packKit();
  await installExample();
  const consumer = await runPlaywright({
    name: 'examples/consumer (axios SPA, webServer stack)',
    env: {},
    args: [],
    cwd: exampleDir,
  });
  await installExample(nextjsExampleDir);
  const nextjs = await runPlaywright({
    name: 'examples/nextjs (server-rendered Next.js, laravel mode)',
    // Next's telemetry would try the network on every dev server start.
    env: { NEXT_TELEMETRY_DISABLED: '1' },
    args: [],
    cwd: nextjsExampleDir,
  });
  return [consumer, nextjs];
}
