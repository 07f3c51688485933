import { expect, setCookiesOf, test } from '../../fixtures/index.ts';

// The API's wire, walked with request contexts (no browser): every status,
// body and cookie attribute the SPA depends on, as a genuine Laravel 12 +
// Breeze API install answers (../shared/WIRE-FACTS.md).

const NOT_STATEFUL_HINT =
  'Sanctum did not treat the request as stateful: is EnsureFrontendRequestsAreStateful prepended to the api group in bootstrap/app.php, and is the SPA host:port in SANCTUM_STATEFUL_DOMAINS?';

test('GET /up answers 200', async ({ spaClient }) => {
  expect((await spaClient.send('GET', '/up')).status()).toBe(200);
});

test('GET /sanctum/csrf-cookie answers 204 with XSRF-TOKEN and the session cookie', async ({ spaClient, sessionCookieName }) => {
  const response = await spaClient.csrfCookie();
  expect(response.status(), 'GET /sanctum/csrf-cookie status').toBe(204);
  const cookies = setCookiesOf(response.headersArray());

  const xsrf = cookies.get('XSRF-TOKEN');
  expect(xsrf, 'Set-Cookie XSRF-TOKEN').toBeDefined();
  expect(xsrf!.httpOnly, `XSRF-TOKEN must be readable by script (no HttpOnly): ${xsrf!.raw}`).toBe(false);
  expect(xsrf!.sameSite, 'XSRF-TOKEN SameSite').toBe('lax');
  expect(xsrf!.path, 'XSRF-TOKEN Path').toBe('/');
  expect(xsrf!.domain, 'XSRF-TOKEN must be host-only (no Domain attribute)').toBeUndefined();
  // Symfony computes Max-Age as expiry minus now: 7199 when a second ticks in between.
  expect(xsrf!.maxAge, 'XSRF-TOKEN Max-Age (SESSION_LIFETIME 120 min)').toBeGreaterThanOrEqual(7199);
  expect(xsrf!.maxAge).toBeLessThanOrEqual(7200);

  const session = cookies.get(sessionCookieName);
  expect(session, `Set-Cookie ${sessionCookieName} (the session cookie, named by config session.cookie)`).toBeDefined();
  expect(session!.httpOnly, `${sessionCookieName} must be HttpOnly: ${session!.raw}`).toBe(true);
  expect(session!.sameSite, `${sessionCookieName} SameSite`).toBe('lax');
  expect(session!.path, `${sessionCookieName} Path`).toBe('/');
  expect(session!.domain, `${sessionCookieName} must be host-only (no Domain attribute)`).toBeUndefined();
  expect(session!.secure, `${sessionCookieName} is not Secure over plain http`).toBe(false);
  expect(session!.maxAge, `${sessionCookieName} Max-Age (SESSION_LIFETIME 120 min)`).toBeGreaterThanOrEqual(7199);
  expect(session!.maxAge).toBeLessThanOrEqual(7200);
});

test('a guest GET /api/user answers 401 {"message":"Unauthenticated."}', async ({ spaClient }) => {
  await spaClient.csrfCookie();
  const response = await spaClient.getUser();
  expect(response.status(), 'guest GET /api/user with Accept: application/json').toBe(401);
  expect(await response.json()).toEqual({ message: 'Unauthenticated.' });
});

test('without Accept: application/json a guest GET /api/user redirects (302) to /login', async ({ spaClient, apiOrigin }) => {
  const response = await spaClient.send('GET', '/api/user', { headers: { Accept: '*/*' } });
  expect(response.status(), 'guest GET /api/user without the JSON Accept header').toBe(302);
  // Laravel builds the URL from the request's own host, so this is the API's origin.
  expect(response.headers().location).toBe(`${apiOrigin}/login`);
});

test('a wrong password answers 422 with the credentials message and stays a guest', async ({ spaClient }) => {
  await spaClient.csrfCookie();
  const unknownEmail = `nobody-${test.info().testId}-${test.info().repeatEachIndex}@example.com`;
  const response = await spaClient.login(unknownEmail, 'wrong-password');
  expect(response.status(), 'POST /login with wrong credentials').toBe(422);
  const message = 'These credentials do not match our records.';
  expect(await response.json()).toEqual({ message, errors: { email: [message] } });
  expect((await spaClient.getUser()).status(), 'still a guest after a failed login').toBe(401);
});

test('a good login answers 204, renews both cookies and leaves the pre-login session a guest', async ({ spaClient, newSpaClient, sessionCookieName, testUser }) => {
  await spaClient.csrfCookie();
  const preLoginSession = await spaClient.cookie(sessionCookieName);
  const preLoginXsrf = await spaClient.xsrfToken();

  const login = await spaClient.login(testUser.email, testUser.password);
  expect(login.status(), 'POST /login with the seeded user').toBe(204);
  expect(await login.text(), 'POST /login body').toBe('');
  const renewed = setCookiesOf(login.headersArray());
  expect([...renewed.keys()], 'POST /login must set a new session cookie and a new XSRF-TOKEN').toEqual(
    expect.arrayContaining([sessionCookieName, 'XSRF-TOKEN']),
  );

  const me = await spaClient.getUser();
  expect(me.status(), `GET /api/user right after login: ${NOT_STATEFUL_HINT}`).toBe(200);

  // Cookie values are re-encrypted on every response, so a new value proves nothing.
  // The old ones failing does: the session id and the CSRF token were regenerated.
  const replay = await newSpaClient();
  const oldSession = await replay.getUser({ cookieHeader: `${sessionCookieName}=${preLoginSession}` });
  expect(oldSession.status(), 'the pre-login session cookie must not be signed in (session id regenerated on login)').toBe(401);
  const oldToken = await spaClient.logout({ xsrfToken: preLoginXsrf });
  expect(oldToken.status(), 'the pre-login X-XSRF-TOKEN must be refused after login (CSRF token regenerated)').toBe(419);
});

test('GET /api/user signed in answers 200 with the user and no password fields', async ({ spaClient, testUser }) => {
  await spaClient.csrfCookie();
  expect((await spaClient.login(testUser.email, testUser.password)).status()).toBe(204);
  const response = await spaClient.getUser();
  expect(response.status(), `GET /api/user signed in: ${NOT_STATEFUL_HINT}`).toBe(200);
  const user = await response.json();
  expect(Object.keys(user).sort()).toEqual(['created_at', 'email', 'email_verified_at', 'id', 'name', 'updated_at']);
  expect(user.email).toBe(testUser.email);
  expect(user, 'password and remember_token are $hidden on the User model').not.toHaveProperty('password');
  expect(user).not.toHaveProperty('remember_token');
});

test('a session cookie sent without Origin and Referer is not stateful: 401', async ({ spaClient, newSpaClient, sessionCookieName, testUser }) => {
  await spaClient.csrfCookie();
  expect((await spaClient.login(testUser.email, testUser.password)).status()).toBe(204);
  const session = await spaClient.cookie(sessionCookieName);
  const fromSpa = await newSpaClient();
  const withOrigin = await fromSpa.getUser({ cookieHeader: `${sessionCookieName}=${session}` });
  expect(withOrigin.status(), `the same cookie from the SPA origin must be signed in: ${NOT_STATEFUL_HINT}`).toBe(200);
  const headless = await newSpaClient({ fromSpa: false });
  const response = await headless.getUser({ cookieHeader: `${sessionCookieName}=${session}` });
  expect(response.status(), 'a signed-in session cookie without Origin/Referer must be ignored by Sanctum').toBe(401);
});

test('a POST without X-XSRF-TOKEN answers 419 CSRF token mismatch', async ({ spaClient, testUser }) => {
  await spaClient.csrfCookie();
  const response = await spaClient.login(testUser.email, testUser.password, { xsrfToken: null });
  expect(response.status(), 'POST /login without X-XSRF-TOKEN').toBe(419);
  expect((await response.json()).message).toBe('CSRF token mismatch.');
});

test('logout answers 204, and the old session cookie replayed is a guest', async ({ spaClient, newSpaClient, sessionCookieName, testUser }) => {
  await spaClient.csrfCookie();
  expect((await spaClient.login(testUser.email, testUser.password)).status()).toBe(204);
  expect((await spaClient.getUser()).status(), `signed in before logout: ${NOT_STATEFUL_HINT}`).toBe(200);
  const signedInSession = await spaClient.cookie(sessionCookieName);

  const logout = await spaClient.logout();
  expect(logout.status(), 'POST /logout').toBe(204);
  expect((await spaClient.getUser()).status(), 'GET /api/user after logout').toBe(401);

  const replay = await newSpaClient();
  const replayed = await replay.getUser({ cookieHeader: `${sessionCookieName}=${signedInSession}` });
  expect(replayed.status(), 'the signed-in session cookie replayed after logout must be a guest').toBe(401);
});

test('the preflight for POST /login allows exactly the SPA origin, with credentials', async ({ spaClient, spaOrigin }) => {
  const preflight = await spaClient.send('OPTIONS', '/login', {
    headers: { 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,x-xsrf-token' },
  });
  const headers = preflight.headers();
  expect(preflight.status(), 'preflight OPTIONS /login').toBe(204);
  expect(headers['access-control-allow-origin'], 'Access-Control-Allow-Origin: config/cors.php allowed_origins = FRONTEND_URL').toBe(spaOrigin);
  expect(headers['access-control-allow-credentials'], 'Access-Control-Allow-Credentials: config/cors.php supports_credentials must be true for cookies').toBe('true');
  expect(headers['access-control-allow-methods']).toBe('POST');
  expect(headers['access-control-allow-headers']).toBe('content-type,x-xsrf-token');
  expect(headers['access-control-max-age']).toBe('0');
  expect(headers.vary).toBe('Access-Control-Request-Method, Access-Control-Request-Headers');

  const actual = await spaClient.getUser();
  expect(actual.headers()['access-control-allow-origin'], 'actual responses name the SPA origin too').toBe(spaOrigin);
  expect(actual.headers()['access-control-allow-credentials'], 'Access-Control-Allow-Credentials on actual responses').toBe('true');
});

test('a request from another origin is answered, but not with that origin: the browser blocks it', async ({ spaClient, spaOrigin }) => {
  const response = await spaClient.send('GET', '/api/user', { headers: { Origin: 'http://other-app.localhost:6666' } });
  expect(response.headers()['access-control-allow-origin']).toBe(spaOrigin);
});

test('login is throttled per lower(email)|ip: the 6th failure in a minute answers 422, even with the right password', async ({ newSpaClient }) => {
  const email = `throttle-${test.info().testId}-${test.info().repeatEachIndex}-${Date.now()}@example.com`;
  const password = 'correct-horse-battery';
  const registrar = await newSpaClient();
  await registrar.csrfCookie();
  const register = await registrar.post('/register', { name: 'Throttle', email, password, password_confirmation: password });
  expect(register.status(), 'POST /register').toBe(204);

  const attacker = await newSpaClient();
  await attacker.csrfCookie();
  for (let attempt = 1; attempt <= 5; attempt++) {
    const failure = await attacker.login(attempt % 2 ? email : email.toUpperCase(), 'wrong-password');
    expect((await failure.json()).message, `failed attempt ${attempt}`).toBe('These credentials do not match our records.');
  }
  const locked = await attacker.login(email, password);
  expect(locked.status(), 'the right password after 5 failures must still be refused (LoginRequest::ensureIsNotRateLimited)').toBe(422);
  expect((await locked.json()).message, 'the throttle message after 5 failures (LoginRequest allows 5 per minute)').toMatch(
    /^Too many login attempts\. Please try again in \d+ seconds\.$/,
  );
});
