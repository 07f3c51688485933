// The kit's own suite: the library's config factory, the bundled app as the
// backend, and projects for the wire checks, the flows, the unit tests, the
// misconfiguration twins and the docker version matrix.
import os from 'node:os';
import type { Project } from '@playwright/test';
import { defineSanctumConfig } from 'sanctum-spa-kit/config';
import type {
  BackendOption,
  HttpsTopology,
  ReplicasTopology,
  SanctumSettings,
  SpaOption,
} from 'sanctum-spa-kit/config';
import { bundledBackend, bundledSsrSpa } from './app-under-test/harness/bundled-backend.ts';
import { ALL_BACKEND_LINES, describeLine, sameLine, type BackendLine } from './app-under-test/harness/lines.ts';
import { projectDir } from './app-under-test/harness/paths.ts';
import { resolveBackendName, type BackendName } from './app-under-test/harness/resolve-backend.ts';
import { loadHarnessSettings } from './app-under-test/harness/settings.ts';
import { harnessRoles, harnessUser } from './app-under-test/harness/test-accounts.ts';
import { exitOnKitError } from 'sanctum-spa-kit/driver';

const harness = (() => {
  try {
    return loadHarnessSettings(projectDir);
  } catch (error) {
    return exitOnKitError(error);
  }
})();

// KIT_BACKEND=auto is resolved once, by the runner; its workers inherit the answer.
process.env.KIT_BACKEND_RESOLVED ??= await resolveBackendName(harness).catch(exitOnKitError);
const backendName = process.env.KIT_BACKEND_RESOLVED as BackendName;
const defaultLine: BackendLine = { php: harness.KIT_PHP_LINE, laravel: harness.KIT_LARAVEL_LINE };
const isExternal = backendName === 'external';

const backendFor = (line: BackendLine): BackendOption =>
  // An external stack comes from KIT_API_URL / KIT_SPA_URL, read by the library as for any consumer.
  isExternal ? { external: { apiUrl: '', spaUrl: '' } } : bundledBackend(harness, backendName, line);

// Each run writes its own output folder, named by the runner's pid (its workers
// inherit the variable): a second run in this checkout neither deletes this
// one's artifacts nor trips over them. The harness's global setup removes the
// folders of runs that are over.
process.env.KIT_RUN_ID ??= String(process.pid);

const config = defineSanctumConfig(
  {
    backend: backendFor(defaultLine),
    user: harnessUser(harness),
    // tests/flows/signed-in.spec.ts starts tests signed in as each.
    roles: harnessRoles(harness),
    host: harness.KIT_HOST,
  },
  {
    testDir: './tests',
    outputDir: `./test-results/run-${process.env.KIT_RUN_ID}`,
    globalSetup: './app-under-test/harness/global-setup.ts',
    // Request-context specs run in parallel; the flows project below keeps one browser.
    workers: os.availableParallelism(),
    fullyParallel: true,
  },
  { backendFromEnv: isExternal },
);
const settings = config.use!.sanctum as SanctumSettings;

/** The kit's specs against one backend line: wire, the five flows, and the twins. */
function projectsFor(line: BackendLine, suffix: string): Project[] {
  const use = { sanctum: { ...settings, backend: sameLine(line, defaultLine) ? settings.backend : backendFor(line) } };
  return [
    // app-wiring boots the bundled app to inspect it; an external stack only has its wire.
    { name: `wire${suffix}`, testDir: './tests/wire', testIgnore: isExternal ? ['**/app-wiring.spec.ts'] : [], use },
    // One browser worker at a time for the flows: on 2 cores a second Chromium
    // costs more than it saves (measured: 8.6 s with 1 worker, 10.9 s with 2).
    { name: `chromium${suffix}`, testDir: './tests/flows', workers: 1, use },
    // Misconfiguration twins need a backend the kit starts: not for an external stack.
    ...(isExternal
      ? []
      : [
          {
            name: `twin: stateful domains without the SPA port${suffix}`,
            testDir: './tests/twins',
            use: { ...use, sanctumBackendEnv: { SANCTUM_STATEFUL_DOMAINS: harness.KIT_HOST } },
          },
        ]),
  ];
}

/** The same backend serving another SPA. */
function withSpa(backend: BackendOption, spa: SpaOption): BackendOption {
  if ('laravel' in backend) return { laravel: { ...backend.laravel, spa } };
  return 'driver' in backend ? { ...backend, spa } : backend;
}

/** A valid key that is not the app's: the replicas twin whose second server decrypts nothing of the first's. */
const OTHER_APP_KEY = `base64:${Buffer.alloc(32, 7).toString('base64')}`;

/**
 * The production topologies (KIT_TOPOLOGIES=all, native): the flows and the
 * wire checks through nginx with TLS on app.example.test / api.example.test,
 * and through a load balancer over two replicas sharing Redis; each with
 * its twins.
 */
function topologyProjects(): Project[] {
  if (harness.KIT_TOPOLOGIES !== 'all' || backendName !== 'native') return [];
  const replicas = (topology: ReplicasTopology = {}) => ({
    sanctum: { ...settings, topology: { replicas: topology } },
  });
  // Each replicas twin must show on the wire (its spec: a session not shared, or a throttle counted per replica).
  const replicasTwin = (name: string, diagnosis: string, spec: 'session' | 'throttle', use: object) => ({
    name: `replicas twin: ${name}`,
    testDir: './tests/topology-twins',
    testMatch: `replicas-${spec}-twin.spec.ts`,
    metadata: { diagnosis },
    use,
  });
  const ssr = (forwardOrigin: boolean, identityOnServer = false) => ({
    sanctum: { ...settings, backend: withSpa(settings.backend, bundledSsrSpa({ forwardOrigin, identityOnServer })) },
  });
  const https = (topology: Partial<HttpsTopology> = {}) => ({
    sanctum: { ...settings, topology: { https: { domain: 'example.test', ...topology } } },
  });
  // Each twin must fail the sign-in, and the kit must name the cause (metadata.diagnosis).
  const twin = (name: string, diagnosis: string, use: object) => ({
    name: `https twin: ${name}`,
    testDir: './tests/topology-twins',
    testMatch: 'https-twin.spec.ts',
    metadata: { diagnosis },
    use,
  });
  return [
    {
      name: 'https: app.example.test → api.example.test',
      testDir: './tests',
      testMatch: ['flows/**/*.spec.ts', 'wire/api-wire.spec.ts', 'topology/https.spec.ts'],
      workers: 1,
      use: https(),
    },
    twin('SESSION_DOMAIN missing', 'xsrf-cookie-unreadable', { ...https(), sanctumBackendEnv: { SESSION_DOMAIN: '' } }),
    twin('SESSION_DOMAIN of another domain', 'session-domain-mismatch', {
      ...https(),
      sanctumBackendEnv: { SESSION_DOMAIN: '.other.test' },
    }),
    twin('Secure cookies over plain http', 'secure-over-http', https({ plainHttp: true })),
    twin('SameSite=None without Secure', 'samesite-none-insecure', {
      ...https(),
      sanctumBackendEnv: { SESSION_SAME_SITE: 'none', SESSION_SECURE_COOKIE: 'false' },
    }),
    twin('the SPA on another registrable domain', 'cross-site-hosts', https({ spaHost: 'app.other.test' })),
    {
      name: 'replicas: 2 behind nginx round-robin, Redis',
      testDir: './tests',
      testMatch: ['flows/**/*.spec.ts', 'wire/api-wire.spec.ts', 'topology/replicas.spec.ts'],
      workers: 1,
      use: replicas(),
    },
    replicasTwin(
      "sessions in each replica's files",
      'replicas-not-sharing-sessions',
      'session',
      replicas({ sessions: 'files-per-replica' }),
    ),
    replicasTwin(
      'a different APP_KEY per replica',
      'replicas-not-sharing-sessions',
      'session',
      replicas({ replicaEnv: [{}, { APP_KEY: OTHER_APP_KEY }] }),
    ),
    replicasTwin(
      'the login throttle counted per replica',
      'login-not-throttled',
      'throttle',
      replicas({ cache: 'files-per-replica' }),
    ),
    {
      name: 'ssr: pages rendered on the server, which asks the API first',
      testDir: './tests',
      testMatch: ['topology/ssr-flows.spec.ts', 'topology/ssr.spec.ts'],
      workers: 1,
      use: ssr(true),
    },
    {
      name: 'ssr identity: only the server asks who the visitor is, the browser never does',
      testDir: './tests',
      testMatch: ['topology/ssr-flows.spec.ts', 'topology/ssr-identity.spec.ts'],
      workers: 1,
      use: ssr(true, true),
    },
    {
      name: 'ssr twin: the server forwards cookies without Origin/Referer',
      testDir: './tests/topology-twins',
      testMatch: 'ssr-twin.spec.ts',
      metadata: { diagnosis: 'ssr-not-stateful' },
      use: ssr(false),
    },
  ];
}

// The version matrix (docker only): every other PHP × Laravel line, as
// projects named "… @ php8.4 laravel11"; run one line with --project='*@ php8.4 laravel11'.
const matrixLines =
  harness.KIT_MATRIX === 'all' && backendName === 'docker'
    ? ALL_BACKEND_LINES.filter((line) => !sameLine(line, defaultLine))
    : [];

export default {
  ...config,
  projects: [
    // The library's own parts, without a backend: the recorder, the parser, the matchers, the SPA command runner.
    { name: 'unit', testDir: './tests/unit' },
    ...projectsFor(defaultLine, ''),
    ...topologyProjects(),
    ...matrixLines.flatMap((line) => projectsFor(line, ` @ ${describeLine(line)}`)),
  ],
};
