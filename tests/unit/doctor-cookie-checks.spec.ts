import { test, expect } from '@playwright/test';
import {
  cookieSameSite,
  secureOverHttp,
  sessionCookieHttpOnly,
} from '../../fixtures/tools/doctor/checks/cookie-attributes.ts';
import { sameSiteHosts } from '../../fixtures/tools/doctor/checks/cookie-hosts.ts';
import { csrfCookie } from '../../fixtures/tools/doctor/checks/csrf-cookie.ts';
import { apiAnswer, failure, probedContext } from './support/doctor-probes.ts';
import { laravelSetCookie, type CookieConfig } from './support/laravel-like-api.ts';

// The checks judging the first GET /sanctum/csrf-cookie answer: its status and
// the two cookies' attributes, written as Laravel writes them under a config/session.php.

const TOKEN = 'eyJpdiI6IlhzcmZUb2tlbiJ9==';
const SESSION_ID = 'eyJpdiI6IlNlc3Npb25JZCJ9==';

/** GET /sanctum/csrf-cookie → 204 under config/session.php `config`; the XSRF-TOKEN's HttpOnly is separate. */
function csrfCookieAnswer(config: CookieConfig = {}, { xsrfHttpOnly = false } = {}) {
  return apiAnswer('GET /sanctum/csrf-cookie', 204, {
    setCookies: [
      laravelSetCookie('XSRF-TOKEN', TOKEN, { ...config, httpOnly: xsrfHttpOnly }),
      laravelSetCookie('laravel-session', SESSION_ID, { ...config, httpOnly: config.httpOnly ?? true }),
    ],
  });
}

const onHosts = (api: string, spa: string) => ({ api, spa });

test.describe('csrf-cookie', () => {
  test('a 204 with XSRF-TOKEN and the session cookie passes, naming the session cookie it found', async () => {
    const outcome = await csrfCookie.run(probedContext({ csrfCookie: csrfCookieAnswer() }));
    expect(outcome, 'the title names the session cookie').toEqual({
      status: 'pass',
      title: 'GET /sanctum/csrf-cookie answers 204 with XSRF-TOKEN and the session cookie (laravel-session)',
    });
  });

  test("a 404 is Sanctum's route missing: the fix names the package and the route cache", async () => {
    const { saw, fix } = failure(
      await csrfCookie.run(probedContext({ csrfCookie: apiAnswer('GET /sanctum/csrf-cookie', 404) })),
    );
    expect(saw).toBe('GET /sanctum/csrf-cookie → 404');
    expect(fix).toContain('composer require laravel/sanctum');
    expect(fix).toContain('php artisan route:clear');
  });

  test('a redirect instead of the 204 shows where it went and that no cookie came', async () => {
    const redirect = apiAnswer('GET /sanctum/csrf-cookie', 302, {
      headers: { location: 'http://localhost:8000/login' },
    });
    const { saw } = failure(await csrfCookie.run(probedContext({ csrfCookie: redirect })));
    expect(saw).toBe(
      'GET /sanctum/csrf-cookie → 302 (Location: http://localhost:8000/login), expected 204; set no cookies',
    );
  });

  test('a 204 without the session cookie (the route outside the web group) names the web group', async () => {
    const xsrfOnly = apiAnswer('GET /sanctum/csrf-cookie', 204, {
      setCookies: [laravelSetCookie('XSRF-TOKEN', TOKEN, { httpOnly: false })],
    });
    const { saw, fix } = failure(await csrfCookie.run(probedContext({ csrfCookie: xsrfOnly })));
    expect(saw).toBe('GET /sanctum/csrf-cookie → 204 set XSRF-TOKEN; expected XSRF-TOKEN and the session cookie');
    expect(fix).toContain('web middleware group');
  });
});

test.describe('session-cookie-httponly', () => {
  test("Laravel's defaults pass: the session cookie HttpOnly, XSRF-TOKEN readable by script", async () => {
    expect(await sessionCookieHttpOnly.run(probedContext({ csrfCookie: csrfCookieAnswer() }))).toEqual({
      status: 'pass',
    });
  });

  test('a session cookie without HttpOnly is named by its attributes, never its value', async () => {
    const answer = csrfCookieAnswer({ httpOnly: false });
    const { saw, fix } = failure(await sessionCookieHttpOnly.run(probedContext({ csrfCookie: answer })));
    expect(saw).toBe(
      'laravel-session: path=/; samesite=lax (no HttpOnly: any script on the page can read the session id)',
    );
    expect(saw, 'the session id is never shown').not.toContain(encodeURIComponent(SESSION_ID));
    expect(fix).toContain('SESSION_HTTP_ONLY=true');
  });

  test('an HttpOnly XSRF-TOKEN is named: the SPA cannot read it to send X-XSRF-TOKEN', async () => {
    const answer = csrfCookieAnswer({}, { xsrfHttpOnly: true });
    const { saw, fix } = failure(await sessionCookieHttpOnly.run(probedContext({ csrfCookie: answer })));
    expect(saw).toBe(
      'XSRF-TOKEN: path=/; httponly; samesite=lax (HttpOnly: the SPA cannot read it to send X-XSRF-TOKEN)',
    );
    expect(fix).toContain('XSRF-TOKEN must not be HttpOnly');
  });
});

test.describe('cookie-samesite', () => {
  test('SameSite=None cookies without Secure are named as dropped by browsers, fixed by SameSite=lax', async () => {
    const answer = csrfCookieAnswer({ sameSite: 'none' });
    const { saw, fix } = failure(await cookieSameSite.run(probedContext({ csrfCookie: answer })));
    expect(saw).toBe(
      'laravel-session: path=/; httponly; samesite=none | XSRF-TOKEN: path=/; samesite=none' +
        ' (SameSite=None without Secure: browsers drop the cookie)',
    );
    expect(fix).toContain('SESSION_SAME_SITE=lax');
    expect(fix).toContain('SESSION_SECURE_COOKIE=true');
  });

  test('SameSite=None with Secure passes, and the title says so', async () => {
    const outcome = await cookieSameSite.run(
      probedContext({ csrfCookie: csrfCookieAnswer({ sameSite: 'none', secure: true }) }),
    );
    expect(outcome).toEqual({
      status: 'pass',
      title: 'SameSite of the cookies is one browsers keep (SameSite=none, Secure)',
    });
  });

  test('no SameSite attribute (same_site null) passes as Lax by default', async () => {
    const outcome = await cookieSameSite.run(probedContext({ csrfCookie: csrfCookieAnswer({ sameSite: null }) }));
    expect(outcome).toEqual({
      status: 'pass',
      title: 'SameSite of the cookies is one browsers keep (SameSite=unset (Lax by default))',
    });
  });
});

test.describe('secure-over-http', () => {
  test('Secure cookies from an http:// API on a named host are refused, with SESSION_SECURE_COOKIE=false', async () => {
    const context = probedContext(
      { csrfCookie: csrfCookieAnswer({ secure: true }) },
      onHosts('http://api.example.test', 'http://app.example.test'),
    );
    const { saw, fix } = failure(await secureOverHttp.run(context));
    expect(saw).toBe(
      'laravel-session: path=/; secure; httponly; samesite=lax | XSRF-TOKEN: path=/; secure; samesite=lax' +
        ' on an http:// API:' +
        ' browsers drop Secure cookies from http (only localhost and 127.0.0.1 are exempt)',
    );
    expect(fix).toContain('SESSION_SECURE_COOKIE=false');
  });

  test('Secure cookies over http://localhost pass: Chromium counts loopback as secure', async () => {
    const outcome = await secureOverHttp.run(probedContext({ csrfCookie: csrfCookieAnswer({ secure: true }) }));
    expect(outcome).toMatchObject({ status: 'pass', title: expect.stringContaining('loopback counts as secure') });
  });

  test('Secure cookies from an https:// API pass', async () => {
    const context = probedContext(
      { csrfCookie: csrfCookieAnswer({ secure: true }) },
      onHosts('https://api.example.test', 'https://app.example.test'),
    );
    expect(await secureOverHttp.run(context)).toEqual({ status: 'pass' });
  });
});

test.describe('same-site-hosts', () => {
  const subdomains = onHosts('https://api.example.test', 'https://app.example.test');

  test('the same host on two ports passes: cookies ignore ports', async () => {
    expect(await sameSiteHosts.run(probedContext({ csrfCookie: csrfCookieAnswer() }))).toEqual({ status: 'pass' });
  });

  test('SESSION_DOMAIN=.example.test covers both subdomains and passes', async () => {
    const context = probedContext({ csrfCookie: csrfCookieAnswer({ domain: '.example.test' }) }, subdomains);
    expect(await sameSiteHosts.run(context)).toEqual({ status: 'pass' });
  });

  test('a Domain not covering the API host is named as dropped, with the SESSION_DOMAIN covering both', async () => {
    const context = probedContext({ csrfCookie: csrfCookieAnswer({ domain: '.other.test' }) }, subdomains);
    const { saw, fix } = failure(await sameSiteHosts.run(context));
    expect(saw).toBe(
      'XSRF-TOKEN has Domain=.other.test, which does not cover the API host api.example.test: browsers drop it',
    );
    expect(fix).toBe(
      'SESSION_DOMAIN=.example.test (covers api.example.test and app.example.test),' +
        ' or serve both from one host with SESSION_DOMAIN unset',
    );
  });

  test('a Domain covering the API host but not the SPA host is named: the SPA cannot read XSRF-TOKEN', async () => {
    const context = probedContext({ csrfCookie: csrfCookieAnswer({ domain: 'api.example.test' }) }, subdomains);
    const { saw } = failure(await sameSiteHosts.run(context));
    expect(saw).toBe(
      'XSRF-TOKEN has Domain=api.example.test, which does not cover the SPA host app.example.test:' +
        ' the SPA cannot read XSRF-TOKEN',
    );
  });

  test('host-only cookies on two subdomains: the SPA cannot read them, SESSION_DOMAIN=.example.test can', async () => {
    const { saw, fix } = failure(
      await sameSiteHosts.run(probedContext({ csrfCookie: csrfCookieAnswer() }, subdomains)),
    );
    expect(saw).toBe(
      'SPA on app.example.test, API on api.example.test, cookies host-only (no SESSION_DOMAIN):' +
        ' the SPA cannot read XSRF-TOKEN',
    );
    expect(fix).toContain('SESSION_DOMAIN=.example.test');
  });

  test('localhost and 127.0.0.1 are named as different sites: open both on one host', async () => {
    const context = probedContext(
      { csrfCookie: csrfCookieAnswer() },
      onHosts('http://127.0.0.1:8000', 'http://localhost:5173'),
    );
    const { saw, fix } = failure(await sameSiteHosts.run(context));
    expect(saw).toContain('localhost and 127.0.0.1 are different sites, so Lax cookies are not even sent');
    expect(fix).toContain('open the SPA and the API on the same host');
  });

  test('hosts under no shared domain: the fix is one host, not a SESSION_DOMAIN', async () => {
    const context = probedContext(
      { csrfCookie: csrfCookieAnswer() },
      onHosts('https://api.one.test', 'https://app.two.test'),
    );
    const { fix } = failure(await sameSiteHosts.run(context));
    expect(fix).toMatch(/^serve the SPA and the API from one host/);
  });
});
