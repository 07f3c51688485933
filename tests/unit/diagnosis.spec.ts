import { test, expect } from '@playwright/test';
import { diagnose, runHeadline } from 'sanctum-spa-kit/diagnosis';
import { csrfCookie, evidence, exchange, TOKEN } from './support/diagnosis-evidence.ts';
import type { Exchange } from 'sanctum-spa-kit';

// The diagnosis rules on hand-built evidence: which cause wins when several
// show, and the distinctions a 419 needs. The break catalogue (npm run
// test:breaks) proves them against real broken apps.

test('a 419 with the issued token and the cookie, on the array driver: the session was not persisted', () => {
  const login = exchange('POST', '/login', {
    status: 419,
    sent: { 'x-xsrf-token': TOKEN },
    cookies: ['XSRF-TOKEN', 'laravel-session'],
  });
  const facts = {
    sessionCookieName: 'laravel-session',
    session: { driver: 'array', lifetimeMinutes: 120, sameSite: 'lax', domain: null, secure: null, httpOnly: true },
  };
  expect(diagnose(evidence([csrfCookie, login], { facts }))).toMatchObject({
    id: 'session-not-persisted',
    at: { source: 'browser', index: 1 },
  });
  expect(diagnose(evidence([csrfCookie, login], { facts }))?.cause).toContain('SESSION_DRIVER=array');
});

test('a 419 whose token is the cookie still URL-encoded: not decoded', () => {
  const login = exchange('POST', '/login', {
    status: 419,
    sent: { 'x-xsrf-token': encodeURIComponent(TOKEN) },
    cookies: ['XSRF-TOKEN', 'laravel-session'],
  });
  expect(diagnose(evidence([csrfCookie, login]))?.id).toBe('xsrf-header-encoded');
});

test(
  'a request without the cookies the API set, all attributes ' + 'fine: credentials omitted, before the 419 it causes',
  () => {
    const login = exchange('POST', '/login', { status: 419 });
    expect(diagnose(evidence([csrfCookie, login]))?.id).toBe('credentials-omitted');
  },
);

test('a cookie the browser drops (SameSite=None without Secure) outranks what follows from it', () => {
  const insecure = exchange('GET', '/sanctum/csrf-cookie', {
    status: 204,
    setCookies: ['laravel-session=abc; path=/; httponly; samesite=none'],
  });
  expect(diagnose(evidence([insecure, exchange('POST', '/login', { status: 419 })]))?.id).toBe(
    'samesite-none-insecure',
  );
});

test('a dead server outranks everything, and is never called CORS', () => {
  const failed: Exchange = { ...exchange('POST', '/login'), failure: 'net::ERR_FAILED' };
  const diagnosis = diagnose(evidence([csrfCookie, failed], { apiListening: false }));
  expect(diagnosis?.id).toBe('server-down');
  expect(diagnosis?.fix).toContain('not a CORS or cookie problem');
});

test('validation errors name fields, not data: a 422 with errors.password is no leak', () => {
  const invalid = exchange('POST', '/login', {
    status: 422,
    sent: { 'x-xsrf-token': TOKEN },
    cookies: ['laravel-session'],
    json: { message: 'The password field is required.', errors: { password: ['required'] } },
  });
  expect(diagnose(evidence([csrfCookie, invalid]))?.id).toBe('cause-not-identified');
  const leaked = exchange('GET', '/api/user', {
    status: 200,
    cookies: ['laravel-session'],
    json: { email: 'a@b.c', password: '$2y$04$…' },
  });
  expect(diagnose(evidence([csrfCookie, leaked]))?.id).toBe('password-exposed');
});

test("the run's headline: the best rank, then the suite's order, never the finishing order", () => {
  const ranked = (id: string, rank: number, position: number) => ({
    diagnosis: { id, rank, cause: '', fix: '' },
    position,
  });
  expect(
    runHeadline([ranked('not-stateful', 12, 0), ranked('cors-blocked', 5, 3), ranked('cors-blocked', 5, 1)]),
  ).toMatchObject({ position: 1 });
  expect(runHeadline([])).toBeUndefined();
});
