import { loginRoundTrip, logoutInvalidates } from '../../fixtures/tools/doctor/checks/sign-in.ts';
import { DoctorContext } from '../../fixtures/tools/doctor/checks/doctor-context.ts';
import { doctorTarget } from '../../fixtures/tools/doctor/model/doctor-target.ts';
import { hint } from '../../fixtures/core/hints/hints.ts';
import { test, expect } from './support/doctor-fixture.ts';
import { apiAnswer, failure, probedContext } from './support/doctor-probes.ts';

// The sign-in the SPA does, as the doctor judges it: from the probe's answers,
// and for real over HTTP against a Laravel-like API with a user.

const SPA = 'http://localhost:5173';
const USER = { email: 'test@example.com', password: 'password' };
const login204 = apiAnswer('POST /login', 204);

const signedIn = (login: ReturnType<typeof apiAnswer>, currentUser?: ReturnType<typeof apiAnswer>) =>
  probedContext({ signIn: { login, currentUser } }, undefined, USER);

test.describe('login-round-trip', () => {
  test('a 419 at POST /login names the CSRF hint', async () => {
    const refused = apiAnswer('POST /login', 419, { json: { message: 'CSRF token mismatch.' } });
    const { saw, fix } = failure(await loginRoundTrip.run(signedIn(refused)));
    expect(saw).toBe('POST /login → 419 "CSRF token mismatch.", expected 204');
    expect(fix).toBe(hint.csrf);
  });

  test('a 422 at POST /login points at the user and the password, and the lockout', async () => {
    const { fix } = failure(await loginRoundTrip.run(signedIn(apiAnswer('POST /login', 422))));
    expect(fix).toContain('check --user and KIT_TEST_USER_PASSWORD');
  });

  test('a 401 on /api/user right after a 204 login is the not-stateful hint', async () => {
    const { saw, fix } = failure(await loginRoundTrip.run(signedIn(login204, apiAnswer('GET /api/user', 401))));
    expect(saw).toBe('POST /login → 204, then GET /api/user → 401');
    expect(fix).toBe(hint.notStateful);
  });

  test('a user JSON carrying password is named, with $hidden', async () => {
    const user = apiAnswer('GET /api/user', 200, { json: { id: 1, email: USER.email, password: '$2y$04$hash' } });
    const { saw, fix } = failure(await loginRoundTrip.run(signedIn(login204, user)));
    expect(saw).toBe('GET /api/user → 200 carries password');
    expect(fix).toBe(hint.hidden);
  });

  test('another user returned than the one signed in is named by its email', async () => {
    const other = apiAnswer('GET /api/user', 200, { json: { id: 2, email: 'someone@example.com' } });
    const { saw } = failure(await loginRoundTrip.run(signedIn(login204, other)));
    expect(saw).toBe('GET /api/user → 200 with email someone@example.com');
  });
});

test.describe('the sign-in over HTTP', () => {
  const doctorOf = (origin: string) => new DoctorContext(doctorTarget(origin, SPA), { user: USER, timeoutMs: 2_000 });

  test('a login, then /api/user returning that user, then a logout that invalidates the session: both pass', async ({
    laravelLikeApi,
  }) => {
    const context = doctorOf((await laravelLikeApi({ frontendUrl: SPA, user: USER })).origin);
    expect(await loginRoundTrip.run(context)).toMatchObject({
      status: 'pass',
      title: expect.stringContaining('POST /login 204, then GET /api/user 200'),
    });
    expect(await logoutInvalidates.run(context)).toEqual({ status: 'pass' });
  });

  test('a logout without invalidate(): the old session cookie takes the new XSRF token, named with the fix', async ({
    laravelLikeApi,
  }) => {
    const context = doctorOf((await laravelLikeApi({ frontendUrl: SPA, user: USER, logoutInvalidates: false })).origin);
    expect(await loginRoundTrip.run(context), 'the sign-in itself').toMatchObject({ status: 'pass' });
    const { saw, fix } = failure(await logoutInvalidates.run(context));
    expect(saw).toContain('the signed-in session cookie with the new XSRF token: POST /login → 422');
    expect(saw).toContain('the old session survived logout');
    expect(fix).toContain('$request->session()->invalidate();');
  });
});
