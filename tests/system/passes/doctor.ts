import { doctorCases } from '../doctor/doctor-stacks.ts';
import type { PassResult } from '../support/playwright-pass.ts';

/** The doctor: all ✓ on the bundled stack, the right ✗ (exit 1) on each misconfigured one. */
export async function doctorPass(): Promise<PassResult[]> {
  console.log('\n=== "doctor": npx sanctum-spa-kit doctor against the bundled stack and misconfigured ones');
  const cases = await doctorCases();
  for (const doctorCase of cases) console.log(`  ${doctorCase.ok ? '✓' : '✗'} ${doctorCase.name}: ${doctorCase.said}`);
  const passed = cases.filter((doctorCase) => doctorCase.ok).length;
  return [{ name: `doctor against ${cases.length} stacks`, passed, failed: cases.length - passed, jsonFile: '' }];
}
