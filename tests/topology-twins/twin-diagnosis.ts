import { expect } from 'sanctum-spa-kit';
import { diagnose, formatDiagnosis, gatherEvidence } from 'sanctum-spa-kit/diagnosis';
import type { RunningStack, TestTraffic, TrafficRecorder } from 'sanctum-spa-kit/fixtures';

interface TwinRun {
  traffic: TrafficRecorder;
  testTraffic: TestTraffic;
  stack: RunningStack;
  sessionCookieName: string;
}

/** Once the test's traffic has settled, the kit's diagnosis of it must be `expected` (the project's diagnosis). */
export async function expectDiagnosis(
  { traffic, testTraffic, stack, sessionCookieName }: TwinRun,
  expected: unknown,
): Promise<void> {
  await traffic.settled();
  const diagnosis = diagnose(await gatherEvidence(stack, sessionCookieName, testTraffic));
  expect(diagnosis?.id, diagnosis ? formatDiagnosis(diagnosis) : 'the kit found no cause').toBe(expected);
}
