import type { Evidence } from 'sanctum-spa-kit/diagnosis';
import { parseSetCookie } from 'sanctum-spa-kit/fixtures';
import type { Exchange } from 'sanctum-spa-kit';

// Hand-built evidence for the diagnosis rules' unit tests: exchanges as the
// recorder keeps them, and the evidence a failed test gathers.

export const API = 'http://localhost:8000';
export const SPA = 'http://localhost:5173';
export const TOKEN = 'eyJpdiI6IkFBQT0iLCJ2YWx1ZSI6IkJCQj0ifQ==';

export function exchange(
  method: string,
  path: string,
  {
    status,
    sent = {},
    cookies = [],
    setCookies = [],
    json,
  }: { status?: number; sent?: Record<string, string>; cookies?: string[]; setCookies?: string[]; json?: unknown } = {},
): Exchange {
  return {
    method,
    url: `${API}${path}`,
    path,
    resourceType: 'fetch',
    preflight: false,
    sent: { headers: { origin: SPA, accept: 'application/json', ...sent }, cookieNames: cookies, provisional: false },
    response:
      status === undefined
        ? undefined
        : {
            status,
            setCookies: setCookies.map(parseSetCookie),
            cors: { 'access-control-allow-origin': SPA, 'access-control-allow-credentials': 'true' },
            json,
          },
  };
}

export const csrfCookie = exchange('GET', '/sanctum/csrf-cookie', {
  status: 204,
  setCookies: [
    `XSRF-TOKEN=${encodeURIComponent(TOKEN)}; path=/; samesite=lax`,
    'laravel-session=abc; path=/; httponly; samesite=lax',
  ],
});

export function evidence(browser: Exchange[], more: Partial<Evidence> = {}): Evidence {
  return {
    apiOrigin: API,
    spaOrigin: SPA,
    sessionCookieName: 'laravel-session',
    facts: { sessionCookieName: 'laravel-session' },
    browser,
    navigations: [],
    requestContexts: [],
    apiListening: true,
    cookieVerdicts: [],
    otherOriginCalls: [],
    loggedExceptions: [],
    loggedRequests: [],
    ...more,
  };
}
