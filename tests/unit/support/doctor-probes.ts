import { expect } from '@playwright/test';
import { parseSetCookie } from '../../../fixtures/core/cookies/set-cookie.ts';
import type { BrowserProbe } from '../../../fixtures/tools/doctor/browser/browser-probe.ts';
import type { CheckOutcome } from '../../../fixtures/tools/doctor/checks/doctor-check.ts';
import { DoctorContext } from '../../../fixtures/tools/doctor/checks/doctor-context.ts';
import { doctorTarget } from '../../../fixtures/tools/doctor/model/doctor-target.ts';
import type { ApiResponse } from '../../../fixtures/tools/doctor/http/api-response.ts';
import { sessionCookieOf } from '../../../fixtures/tools/doctor/probes/csrf-cookie-probe.ts';
import type { SignInProbe } from '../../../fixtures/tools/doctor/probes/sign-in-probe.ts';

// The doctor's measurements as the probes leave them, built from real header
// strings, so a check is judged on exactly what it reads.

/** An API answer as ApiClient returns it: real Headers (Set-Cookie lines included), parsed cookies, JSON body. */
export function apiAnswer(
  request: string,
  status: number,
  {
    setCookies = [],
    headers = {},
    json,
  }: { setCookies?: string[]; headers?: Record<string, string>; json?: unknown } = {},
): ApiResponse {
  const [method, path] = request.split(' ');
  const all = new Headers(headers);
  for (const line of setCookies) all.append('set-cookie', line);
  if (json !== undefined) all.set('content-type', 'application/json');
  const body = json === undefined ? '' : JSON.stringify(json);
  return { method, path, status, headers: all, setCookies: all.getSetCookie().map(parseSetCookie), body, json };
}

export interface Probes {
  /** The first GET /sanctum/csrf-cookie answer. */
  csrfCookie?: ApiResponse;
  /** POST /login without X-XSRF-TOKEN. */
  refusedLogin?: ApiResponse;
  browser?: BrowserProbe;
  signIn?: Omit<SignInProbe, 'client'>;
}

/**
 * A DoctorContext for the given URLs whose measurements are the given answers:
 * the csrf-cookie probe picks XSRF-TOKEN and the session cookie as the real one
 * does (sessionCookieOf). A measurement not given fails the check that asks for it.
 */
export function probedContext(
  probes: Probes,
  urls = { api: 'http://localhost:8000', spa: 'http://localhost:5173' },
  user?: { email: string; password: string },
): DoctorContext {
  const context = new DoctorContext(doctorTarget(urls.api, urls.spa), { user, timeoutMs: 1_000 });
  const given =
    <T>(what: string, value: T | undefined) =>
    async () =>
      value ?? Promise.reject(new Error(`no ${what} probe given`));
  const answer = probes.csrfCookie;
  const csrfCookie = answer && {
    response: answer,
    xsrf: answer.setCookies.find((cookie) => cookie.name === 'XSRF-TOKEN'),
    session: sessionCookieOf(answer.setCookies),
  };
  const signIn = probes.signIn && { ...probes.signIn, client: context.newClient() };
  return Object.assign(context, {
    csrfCookie: given('csrf-cookie', csrfCookie),
    refusedLogin: given('refused-login', probes.refusedLogin),
    browser: given('browser', probes.browser),
    signIn: given('sign-in', signIn),
  });
}

/** The check's saw/fix, after asserting it failed. */
export function failure(outcome: CheckOutcome): { saw: string; fix: string } {
  expect(outcome, 'the check fails').toMatchObject({ status: 'fail' });
  return outcome as { saw: string; fix: string };
}
