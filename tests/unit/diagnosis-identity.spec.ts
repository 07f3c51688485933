import { test, expect } from '@playwright/test';
import { diagnose } from 'sanctum-spa-kit/diagnosis';
import { csrfCookie, evidence, exchange, SPA, TOKEN } from './support/diagnosis-evidence.ts';

// Server-side identity: the SPA's server may ask GET /api/user where the
// browser never does. The diagnosis reads the API's request log before it
// says nobody asked, and says which shape the flows assumed.

const visit = { url: `${SPA}/`, status: 200, beforeExchange: 0 };
const login = exchange('POST', '/login', {
  status: 204,
  cookies: ['XSRF-TOKEN', 'laravel-session'],
  sent: { 'x-xsrf-token': TOKEN },
});

test('a page that loaded with no identity call from the browser nor in the readable log names the shape', () => {
  const diagnosis = diagnose(
    evidence([csrfCookie, login], {
      navigations: [visit],
      loggedRequests: [
        { method: 'GET', path: '/sanctum/csrf-cookie' },
        { method: 'POST', path: '/login' },
      ],
    }),
  );
  expect(diagnosis?.id).toBe('identity-not-seen');
  expect(diagnosis?.cause).toContain("nor did the SPA's own server (the API's request log shows no such call)");
  expect(diagnosis?.fix).toContain("userPath: '/api/me'");
});

test('with no log to read, it says a server-side call would be invisible to the kit', () => {
  const diagnosis = diagnose(evidence([csrfCookie, login], { navigations: [visit] }));
  expect(diagnosis?.id).toBe('identity-not-seen');
  expect(diagnosis?.cause).toContain("the kit cannot read this API's request log");
});

test("the SPA's server asking GET /api/user (in the log) is server-side identity, not a missing call", () => {
  const diagnosis = diagnose(
    evidence([csrfCookie, login], {
      navigations: [visit],
      loggedRequests: [
        { method: 'GET', path: '/api/user' },
        { method: 'GET', path: '/sanctum/csrf-cookie' },
        { method: 'POST', path: '/login' },
      ],
    }),
  );
  expect(diagnosis?.id).not.toBe('identity-not-seen');
});

test('a test that drove no page is never about identity', () => {
  expect(diagnose(evidence([csrfCookie, login]))?.id).not.toBe('identity-not-seen');
});
