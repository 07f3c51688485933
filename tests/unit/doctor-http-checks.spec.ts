import { corsCredentials, corsPreflight } from '../../fixtures/tools/doctor/checks/cors.ts';
import { csrfEnforced } from '../../fixtures/tools/doctor/checks/csrf-enforced.ts';
import { noTraceLeak } from '../../fixtures/tools/doctor/checks/error-bodies.ts';
import { acceptJson } from '../../fixtures/tools/doctor/checks/guest-answers.ts';
import { apiReachable, spaReachable } from '../../fixtures/tools/doctor/checks/reachability.ts';
import { statefulOrigin } from '../../fixtures/tools/doctor/checks/stateful-origin.ts';
import { DoctorContext } from '../../fixtures/tools/doctor/checks/doctor-context.ts';
import { doctorTarget } from '../../fixtures/tools/doctor/model/doctor-target.ts';
import { freePort } from '../../fixtures/runtime/process/free-port.ts';
import { test, expect } from './support/doctor-fixture.ts';
import { failure, probedContext, apiAnswer } from './support/doctor-probes.ts';
import type { LaravelLikeOptions } from './support/laravel-like-api.ts';
import { startLocalServer } from './support/local-server.ts';

// The checks that ask the API themselves, over real HTTP, against a server
// answering as Laravel does with one setting wrong at a time.

const SPA = 'http://localhost:5173';

/** The doctor pointed at a Laravel-like API configured by `options` (FRONTEND_URL the SPA's by default). */
const doctorAt = (origin: string, timeoutMs = 2_000) => new DoctorContext(doctorTarget(origin, SPA), { timeoutMs });

test.describe('cors-preflight and cors-credentials', () => {
  const configured = (options: Partial<LaravelLikeOptions> = {}) => ({ frontendUrl: SPA, ...options });

  test('an API allowing the SPA origin with credentials passes both', async ({ laravelLikeApi }) => {
    const context = doctorAt((await laravelLikeApi(configured())).origin);
    expect(await corsPreflight.run(context), 'the preflight').toEqual({ status: 'pass' });
    expect(await corsCredentials.run(context), 'the actual response').toEqual({ status: 'pass' });
  });

  test('a wildcard origin with credentials is named: browsers refuse * with credentials', async ({
    laravelLikeApi,
  }) => {
    const context = doctorAt((await laravelLikeApi(configured({ allowOrigin: '*' }))).origin);
    const { saw, fix } = failure(await corsPreflight.run(context));
    expect(saw).toBe('OPTIONS /login → 204 with Access-Control-Allow-Origin: * (browsers refuse * with credentials)');
    expect(fix).toContain(`FRONTEND_URL=${SPA} exactly (scheme, host, port)`);
    expect(fix).toContain("not '*'");
  });

  test('no Access-Control-Allow-Credentials on GET /api/user is named, with supports_credentials', async ({
    laravelLikeApi,
  }) => {
    const context = doctorAt((await laravelLikeApi(configured({ supportsCredentials: false }))).origin);
    const { saw, fix } = failure(await corsCredentials.run(context));
    expect(saw).toBe('Access-Control-Allow-Credentials: (none) on GET /api/user');
    expect(fix).toBe('supports_credentials => true in config/cors.php (cookies need it)');
  });

  test('no Access-Control-Allow-Credentials on the preflight is named on OPTIONS /login', async ({
    laravelLikeApi,
  }) => {
    const context = doctorAt((await laravelLikeApi(configured({ supportsCredentials: false }))).origin);
    const { saw } = failure(await corsPreflight.run(context));
    expect(saw).toContain('Access-Control-Allow-Credentials: (none) on OPTIONS /login');
  });

  test('FRONTEND_URL left at another origin is named against the SPA origin', async ({ laravelLikeApi }) => {
    const context = doctorAt((await laravelLikeApi(configured({ allowOrigin: 'http://localhost:3000' }))).origin);
    const { saw } = failure(await corsCredentials.run(context));
    expect(saw).toBe(
      `GET /api/user → 401 with Access-Control-Allow-Origin: http://localhost:3000, not the SPA origin ${SPA}`,
    );
  });

  test('no Access-Control-Allow-Origin at all: the fix names the paths too', async ({ laravelLikeApi }) => {
    const context = doctorAt((await laravelLikeApi(configured({ allowOrigin: null }))).origin);
    const { saw, fix } = failure(await corsCredentials.run(context));
    expect(saw).toBe(
      `GET /api/user → 401 with no Access-Control-Allow-Origin for Origin: ${SPA};` +
        ' Access-Control-Allow-Credentials: (none) on GET /api/user',
    );
    expect(fix).toContain('paths must cover /api/user');
  });
});

test.describe('stateful-origin', () => {
  test('a session on /api for requests from the SPA passes', async ({ laravelLikeApi }) => {
    const context = doctorAt((await laravelLikeApi({ frontendUrl: SPA })).origin);
    expect(await statefulOrigin.run(context)).toEqual({ status: 'pass' });
  });

  test('SANCTUM_STATEFUL_DOMAINS without the SPA port: no Set-Cookie on /api, fixed with host AND port', async ({
    laravelLikeApi,
  }) => {
    const context = doctorAt((await laravelLikeApi({ frontendUrl: SPA, statefulDomains: ['localhost'] })).origin);
    const { saw, fix } = failure(await statefulOrigin.run(context));
    expect(saw).toContain(
      `GET /api/user → 401 with Origin ${SPA}, Referer and the session cookie came back without Set-Cookie`,
    );
    expect(fix).toContain('SANCTUM_STATEFUL_DOMAINS must include localhost:5173 (host AND port)');
  });
});

test.describe('accept-json', () => {
  test('a guest gets 401 {"message"} with Accept: application/json; the title tells the redirect without it', async ({
    laravelLikeApi,
  }) => {
    const api = await laravelLikeApi({ frontendUrl: SPA });
    const outcome = await acceptJson.run(doctorAt(api.origin));
    expect(outcome).toMatchObject({
      status: 'pass',
      title: expect.stringContaining(`without that header: 302 to ${api.origin}/login`),
    });
  });

  test('a 200 where a 401 was expected (the route outside auth:sanctum) is named', async ({ laravelLikeApi }) => {
    const context = doctorAt((await laravelLikeApi({ frontendUrl: SPA, userRouteUnguarded: true })).origin);
    const { saw, fix } = failure(await acceptJson.run(context));
    expect(saw).toBe('GET /api/user → 200 (not JSON); without that header: 200');
    expect(fix).toContain('guarded by auth:sanctum');
  });

  test('an HTML redirect to /login even for a JSON request is named with where it went', async ({ laravelLikeApi }) => {
    const api = await laravelLikeApi({ frontendUrl: SPA, guestsRedirected: true });
    const { saw } = failure(await acceptJson.run(doctorAt(api.origin)));
    expect(saw).toBe(`GET /api/user → 302 (not JSON); without that header: 302 to ${api.origin}/login`);
  });
});

test.describe('no-trace-leak', () => {
  test('error bodies with a message only pass', async ({ laravelLikeApi }) => {
    expect(await noTraceLeak.run(doctorAt((await laravelLikeApi({ frontendUrl: SPA })).origin))).toEqual({
      status: 'pass',
    });
  });

  test('APP_DEBUG=true: the 404 and the 419 carry exception, file, line and trace, fixed by APP_DEBUG=false', async ({
    laravelLikeApi,
  }) => {
    const { saw, fix } = failure(
      await noTraceLeak.run(doctorAt((await laravelLikeApi({ frontendUrl: SPA, debug: true })).origin)),
    );
    expect(saw).toBe(
      'GET /api/__sanctum_doctor_missing__ → 404 body carries exception, file, line, trace; ' +
        'POST /login → 419 body carries exception, file, line, trace (class names and server paths leak)',
    );
    expect(fix).toContain('APP_DEBUG=false');
  });
});

test.describe('csrf-enforced', () => {
  test('POST /login without X-XSRF-TOKEN refused with 419 passes', async ({ laravelLikeApi }) => {
    expect(await csrfEnforced.run(doctorAt((await laravelLikeApi({ frontendUrl: SPA })).origin))).toEqual({
      status: 'pass',
    });
  });

  test('login exempted from CSRF reaches the controller (422): named with the except list', async ({
    laravelLikeApi,
  }) => {
    const context = doctorAt((await laravelLikeApi({ frontendUrl: SPA, csrfExcept: ['login'] })).origin);
    const { saw, fix } = failure(await csrfEnforced.run(context));
    expect(saw).toBe(
      'POST /login → 422 "These credentials do not match our records.", expected 419: CSRF verification did not run',
    );
    expect(fix).toContain('validateCsrfTokens(except: [...])');
  });

  test('a 405 at POST /login is a route elsewhere, not a CSRF verdict', async () => {
    const { saw, fix } = failure(
      await csrfEnforced.run(probedContext({ refusedLogin: apiAnswer('POST /login', 405) })),
    );
    expect(saw).toBe('POST /login → 405');
    expect(fix).toContain('is the route there under that path?');
  });
});

test.describe('api-reachable and spa-reachable', () => {
  test('nothing listening at the API: ECONNREFUSED, start the API, and never a CORS problem', async () => {
    const port = await freePort();
    const { saw, fix } = failure(await apiReachable.run(doctorAt(`http://127.0.0.1:${port}`)));
    expect(saw).toBe(
      `http://127.0.0.1:${port}/sanctum/csrf-cookie: ECONNREFUSED (nothing listens at that host and port)`,
    );
    expect(fix).toBe('start the API (or check the --api URL: scheme, host, port); this is not a CORS problem');
  });

  test('an API that accepts the connection but never answers: no answer within the timeout', async () => {
    // The route never answers: the doctor's own timeout ends the request.
    const silent = await startLocalServer({ '/sanctum/csrf-cookie': () => new Promise<void>(() => {}) });
    try {
      const { saw } = failure(await apiReachable.run(doctorAt(silent.origin, 300)));
      expect(saw).toBe(
        `${silent.origin}/sanctum/csrf-cookie: no answer within 300 ms (the server accepted nothing or hangs)`,
      );
    } finally {
      await silent.close();
    }
  });

  test('an answering API passes', async ({ laravelLikeApi }) => {
    expect(await apiReachable.run(doctorAt((await laravelLikeApi({ frontendUrl: SPA })).origin))).toEqual({
      status: 'pass',
    });
  });

  test('a SPA URL answering 404 is named: --spa must be the page', async () => {
    const spa = await startLocalServer();
    try {
      const context = new DoctorContext(doctorTarget('http://127.0.0.1:1', `${spa.origin}/missing`), {
        timeoutMs: 2_000,
      });
      const { saw, fix } = failure(await spaReachable.run(context));
      expect(saw).toBe(`GET ${spa.origin}/missing → 404`);
      expect(fix).toContain("--spa must be the URL the SPA's page is served at");
      expect(
        await spaReachable.run(new DoctorContext(doctorTarget('http://127.0.0.1:1', spa.origin), { timeoutMs: 2_000 })),
        'its page',
      ).toEqual({
        status: 'pass',
      });
    } finally {
      await spa.close();
    }
  });

  test('no SPA listening: start the SPA, not a CORS problem', async () => {
    const port = await freePort();
    const context = new DoctorContext(doctorTarget('http://127.0.0.1:1', `http://127.0.0.1:${port}`), {
      timeoutMs: 2_000,
    });
    const { saw, fix } = failure(await spaReachable.run(context));
    expect(saw).toBe(`http://127.0.0.1:${port}/: ECONNREFUSED (nothing listens at that host and port)`);
    expect(fix).toContain('start the SPA');
  });
});
