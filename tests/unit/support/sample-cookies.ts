import type { Cookie } from '@playwright/test';
import { parseSetCookie, type SetCookie } from 'sanctum-spa-kit/fixtures';
import type { Exchange } from 'sanctum-spa-kit';

// Three cookies as a Sanctum login leaves them, seen three ways: the parsed
// Set-Cookie headers, the recorded exchange that carried them, the browser's jar.

export const VALUES = {
  session: 'eyJpdiI6IlNlc3Npb25WYWx1ZUxvbmdFbm91Z2gifQ',
  xsrf: 'eyJpdiI6IlhzcmZUb2tlbkxvbmdFbm91Z2gifQ',
  shared: 'sharedvalue1234',
};

export const SET_COOKIE_HEADERS = {
  'laravel-session': `laravel-session=${VALUES.session}; path=/; httponly; samesite=lax`,
  'XSRF-TOKEN': `XSRF-TOKEN=${VALUES.xsrf}; path=/; samesite=lax`,
  shared: `shared=${VALUES.shared}; path=/; domain=.example.test; secure; samesite=none`,
};

export function setCookies(): SetCookie[] {
  return Object.values(SET_COOKIE_HEADERS).map(parseSetCookie);
}

/** POST /login as the recorder records it: answered, what was sent and what was set. */
export function loginExchange(overrides: Partial<Exchange> = {}): Exchange {
  return {
    method: 'POST',
    url: 'http://spa.example.test/login',
    path: '/login',
    resourceType: 'fetch',
    preflight: false,
    sent: {
      headers: { origin: 'http://spa.example.test', 'x-xsrf-token': VALUES.xsrf, accept: 'application/json' },
      cookieNames: ['XSRF-TOKEN', 'laravel-session'],
      provisional: false,
    },
    response: { status: 204, setCookies: setCookies(), cors: {} },
    ...overrides,
  };
}

/** As `await context.cookies()` returns them: a Domain cookie's domain starts with a dot. */
export function browserJar(): Cookie[] {
  const cookie = (name: string, value: string, rest: Partial<Cookie>): Cookie => ({
    name,
    value,
    domain: 'spa.example.test',
    path: '/',
    expires: -1,
    httpOnly: false,
    secure: false,
    sameSite: 'Lax',
    ...rest,
  });
  return [
    cookie('laravel-session', VALUES.session, { httpOnly: true }),
    cookie('XSRF-TOKEN', VALUES.xsrf, {}),
    cookie('shared', VALUES.shared, { domain: '.example.test', secure: true, sameSite: 'None' }),
  ];
}

/** The thrown message of a failing expectation; fails the test if it passed. */
export function failureOf(assertion: () => unknown): string {
  try {
    assertion();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the assertion to fail, but it passed');
}
