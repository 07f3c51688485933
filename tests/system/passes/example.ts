import { packKit } from '../consumer/pack-kit.ts';
import { exampleDir, installExample } from '../support/example-consumer.ts';
import { runPlaywright, type PassResult } from '../support/playwright-pass.ts';

/**
 * examples/consumer as its users run it: the kit from the tarball, `npx playwright test`, webServer starting the stack.
 */
export async function examplePass(): Promise<PassResult[]> {
  await packKit();
  await installExample();
  return [
    await runPlaywright({ name: 'examples/consumer (axios SPA, webServer stack)', env: {}, args: [], cwd: exampleDir }),
  ];
}
