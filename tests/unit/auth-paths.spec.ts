import { test, expect } from '@playwright/test';
import { authPathRows, authPathsMarkdown, renderSequenceDiagram } from 'sanctum-spa-kit/diagnosis';
import { parseSetCookie } from 'sanctum-spa-kit/fixtures';
import type { Exchange } from 'sanctum-spa-kit';

// The sessions-and-tokens table on hand-built exchanges: what the server
// checked is read from whether the answer set the session cookie, never
// from the path alone. tests/wire/api-tokens.spec.ts asserts it on real traffic.

const SPA = 'http://localhost:5173';
const SESSION = 'laravel-session';

function exchange(
  method: string,
  path: string,
  status: number,
  {
    origin,
    cookies = [],
    xsrf = false,
    bearer = false,
    sessionSet = false,
  }: { origin?: string; cookies?: string[]; xsrf?: boolean; bearer?: boolean; sessionSet?: boolean },
): Exchange {
  const headers: Record<string, string> = {
    accept: 'application/json',
    ...(origin ? { origin } : {}),
    ...(xsrf ? { 'x-xsrf-token': 'token' } : {}),
    ...(bearer ? { authorization: 'Bearer 1|secret' } : {}),
  };
  return {
    method,
    url: `http://localhost:8000${path}`,
    path,
    resourceType: 'request context',
    preflight: false,
    sent: { headers, cookieNames: cookies, provisional: false },
    response: {
      status,
      setCookies: sessionSet ? [parseSetCookie(`${SESSION}=x; path=/; httponly; samesite=lax`)] : [],
      cors: {},
    },
  };
}

const rowsOf = (exchanges: Exchange[]) =>
  authPathRows([{ client: 'client 1', exchanges }], { spaOrigin: SPA, sessionCookieName: SESSION });

test('a stateful write names the session and the CSRF check; a 419 is named as the CSRF refusal', () => {
  const [accepted, refused] = rowsOf([
    exchange('POST', '/logout', 204, { origin: SPA, cookies: [SESSION, 'XSRF-TOKEN'], xsrf: true, sessionSet: true }),
    exchange('POST', '/logout', 419, { origin: SPA, cookies: [SESSION], sessionSet: true }),
  ]);
  expect(accepted).toMatchObject({
    origin: 'SPA',
    sessionCookie: true,
    xsrfHeader: true,
    sessionStarted: true,
    checked: 'the session, CSRF (X-XSRF-TOKEN) → answered 204',
  });
  expect(refused.checked).toBe('the session, CSRF (no X-XSRF-TOKEN) → refused: CSRF token mismatch (419)');
});

test(
  'a request whose answer sets no session cookie was checked ' + 'by its Bearer token only, whatever cookie it sent',
  () => {
    const [token, ignoredCookie] = rowsOf([
      exchange('DELETE', '/api/tokens/current', 204, { bearer: true }),
      exchange('GET', '/api/user', 401, { cookies: [SESSION] }),
    ]);
    expect(token).toMatchObject({
      origin: 'none',
      bearer: true,
      sessionStarted: false,
      checked: 'the Bearer token only; no session, no CSRF → answered 204',
    });
    expect(ignoredCookie.checked).toBe(
      'no session, no token; the session cookie was not read (not a stateful origin) → refused: nobody signed in (401)',
    );
  },
);

test(
  'a Bearer token from the SPA origin is read after the new session; ' +
    'another origin is shown as sent; preflights are left out',
  () => {
    const preflight = { ...exchange('OPTIONS', '/api/user', 204, { origin: SPA }), preflight: true };
    const rows = rowsOf([
      preflight,
      exchange('GET', '/api/reports', 403, { origin: SPA, bearer: true, sessionSet: true }),
      exchange('GET', '/api/user', 401, { origin: 'https://evil.test' }),
    ]);
    expect(rows).toHaveLength(2);
    expect(rows[0].checked).toBe('a new session, then the Bearer token → refused: not allowed (403)');
    expect(rows[1].origin).toBe('https://evil.test');
    expect(authPathsMarkdown(rows).split('\n')).toHaveLength(4);
  },
);

test(
  'the traffic diagram ends with the table, its cells escaped; a provisional ' + 'request shows its unknowns as ?',
  () => {
    const hostile = exchange('GET', '/api/user', 401, { origin: 'https://<b>x</b>.test' });
    const failed: Exchange = {
      ...exchange('GET', '/api/user', 401, {}),
      sent: { headers: {}, cookieNames: [], provisional: true },
      response: undefined,
      failure: 'net::ERR_FAILED',
    };
    const rows = rowsOf([hostile, failed]);
    expect(rows[1]).toMatchObject({ answer: 'net::ERR_FAILED', checked: 'unknown: no answer' });
    expect(authPathsMarkdown([rows[1]]).split('\n')[2]).toContain(
      '| GET /api/user | ? | ? | – | – | net::ERR_FAILED |',
    );
    const html = renderSequenceDiagram({
      title: 't',
      spaOrigin: SPA,
      apiOrigin: 'http://localhost:8000',
      browser: [],
      requestContexts: [],
      authPaths: rows,
    });
    expect(html).toContain('data-auth-paths');
    expect(html).toContain('https://&#60;b&#62;x&#60;/b&#62;.test');
    expect(html).not.toContain('<b>x</b>');
  },
);
