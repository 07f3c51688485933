// The doctor against stacks it must judge: the bundled stack (all ✓, exit 0)
// and misconfigured ones, each started by hand (npm run dev with the app's
// env), where the named check must fail with exit 1; and a dead API.
import { freePort, finish, startProcess } from 'sanctum-spa-kit/driver';
import { projectDir } from '../../../app-under-test/harness/paths.ts';
import { loadHarnessSettings } from '../../../app-under-test/harness/settings.ts';
import { startExternalStack } from '../../../app-under-test/harness/external-stack.ts';

interface DoctorCase {
  name: string;
  /** The app's environment (none: the bundled stack as provisioned). */
  env?: Record<string, string>;
  /** No stack at all: the doctor probes a port nothing listens on. */
  dead?: boolean;
  withUser?: boolean;
  /** The check ids that must fail; none for a healthy stack. */
  failing: string[];
}

const CASES: DoctorCase[] = [
  { name: 'the bundled stack, signing in', withUser: true, failing: [] },
  { name: 'SESSION_HTTP_ONLY=false', env: { SESSION_HTTP_ONLY: 'false' }, failing: ['session-cookie-httponly'] },
  { name: 'APP_DEBUG=true', env: { APP_DEBUG: 'true' }, failing: ['no-trace-leak'] },
  {
    name: 'SESSION_SAME_SITE=none without Secure',
    env: { SESSION_SAME_SITE: 'none' },
    failing: ['cookie-samesite', 'browser-cookies-accepted'],
  },
  { name: 'SESSION_DOMAIN of another domain', env: { SESSION_DOMAIN: '.example.test' }, failing: ['same-site-hosts'] },
  {
    name: 'SESSION_DRIVER=array, signing in',
    env: { SESSION_DRIVER: 'array' },
    withUser: true,
    failing: ['login-round-trip'],
  },
  { name: 'a dead API', dead: true, failing: ['api-reachable'] },
];

interface DoctorJson {
  ok: boolean;
  checks: { id: string; status: 'pass' | 'fail' | 'skip' }[];
}

export interface DoctorCaseResult {
  name: string;
  ok: boolean;
  said: string;
}

export async function doctorCases(): Promise<DoctorCaseResult[]> {
  const settings = loadHarnessSettings(projectDir);
  const results: DoctorCaseResult[] = [];
  for (const doctorCase of CASES) {
    const stack = doctorCase.dead ? undefined : await startExternalStack(settings.KIT_HOST, doctorCase.env);
    try {
      const api = stack?.apiUrl ?? `http://${settings.KIT_HOST}:${await freePort()}`;
      const spa = stack?.spaUrl ?? `http://${settings.KIT_HOST}:${await freePort()}`;
      const userArgs = doctorCase.withUser ? ['--user', settings.KIT_TEST_USER_EMAIL] : [];
      const { code, stdout } = await runDoctor(['doctor', '--api', api, '--spa', spa, ...userArgs, '--json'], {
        KIT_TEST_USER_PASSWORD: settings.KIT_TEST_USER_PASSWORD,
      });
      const report = JSON.parse(stdout) as DoctorJson;
      const failed = report.checks.filter((check) => check.status === 'fail').map((check) => check.id);
      const expectedCode = doctorCase.failing.length === 0 ? 0 : 1;
      const ok =
        code === expectedCode &&
        doctorCase.failing.every((id) => failed.includes(id)) &&
        (doctorCase.failing.length > 0 || failed.length === 0);
      results.push({
        name: doctorCase.name,
        ok,
        said:
          `exit ${code}, ✗ ` +
          `${failed.join(', ') || 'none'}${
            ok ? '' : ` (expected exit ${expectedCode}, ✗ ${doctorCase.failing.join(', ') || 'none'})`
          }`,
      });
    } finally {
      await stack?.stop();
    }
  }
  return results;
}

/** The doctor's command line, as a user runs it: npx sanctum-spa-kit (the sources, in this checkout). */
async function runDoctor(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string }> {
  const doctor = startProcess({
    label: 'npx sanctum-spa-kit doctor',
    command: 'npx',
    args: ['sanctum-spa-kit', ...args],
    cwd: projectDir,
    env: { ...process.env, ...env },
  });
  let stdout = '';
  doctor.onOutput((chunk, stream) => (stream === 'stdout' ? (stdout += chunk) : process.stderr.write(chunk)));
  const { exit } = await finish(doctor);
  if (exit.error) throw exit.error;
  return { code: exit.code ?? 1, stdout };
}
