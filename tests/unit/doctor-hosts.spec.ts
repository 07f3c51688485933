import { test, expect } from '@playwright/test';
import { parseSetCookie } from '../../fixtures/core/cookies/set-cookie.ts';
import { sessionDomainFix } from '../../fixtures/tools/doctor/checks/cookie-hosts.ts';
import { cookieAttributes } from '../../fixtures/tools/doctor/model/describe-cookie.ts';
import { domainMatches, isLoopback, sharedParentDomain } from '../../fixtures/tools/doctor/model/hosts.ts';
import { sessionCookieOf } from '../../fixtures/tools/doctor/probes/csrf-cookie-probe.ts';

// Host names as cookies see them (RFC 6265), and a cookie as "saw:" lines show it.

test('loopback names are localhost, its subdomains, 127.0.0.0/8 and [::1]; nothing merely starting with them', () => {
  for (const host of ['localhost', 'app.localhost', '127.0.0.1', '127.8.9.10', '[::1]', '::1']) {
    expect(isLoopback(host), `${host} is loopback`).toBe(true);
  }
  for (const host of ['localhost.example.com', '128.0.0.1', 'example.test', '10.0.0.1']) {
    expect(isLoopback(host), `${host} is not loopback`).toBe(false);
  }
});

test('a Domain covers its own host and every subdomain, whatever the case or the leading dot', () => {
  expect(domainMatches('api.example.test', '.example.test'), 'a subdomain').toBe(true);
  expect(domainMatches('example.test', '.example.test'), 'the domain itself').toBe(true);
  expect(domainMatches('API.Example.TEST', 'example.test'), 'in any case').toBe(true);
  expect(domainMatches('[::1]', '::1'), 'an IPv6 host without its brackets').toBe(true);
});

test('a Domain never covers a host that only ends with its letters, nor part of an IP address', () => {
  expect(domainMatches('badexample.test', 'example.test'), 'no dot before the domain').toBe(false);
  expect(domainMatches('example.test', 'api.example.test'), 'a parent under its subdomain').toBe(false);
  expect(domainMatches('10.0.0.1', '0.0.1'), 'an IP address is matched whole').toBe(false);
});

test('the shared parent domain is the longest of two labels or more, and none for IPs or a bare TLD', () => {
  expect(sharedParentDomain('app.example.test', 'api.example.test')).toBe('example.test');
  expect(sharedParentDomain('a.b.example.test', 'c.b.example.test')).toBe('b.example.test');
  expect(sharedParentDomain('app.one.test', 'api.two.test'), 'only "test" in common').toBeUndefined();
  expect(sharedParentDomain('127.0.0.1', '127.0.0.2'), 'IP addresses have no domain').toBeUndefined();
});

test('the SESSION_DOMAIN fix: null on one host, the shared parent on subdomains, one host otherwise', () => {
  expect(sessionDomainFix('localhost', 'localhost')).toMatch(/^SESSION_DOMAIN=null/);
  expect(sessionDomainFix('api.example.test', 'app.example.test')).toMatch(/^SESSION_DOMAIN=\.example\.test /);
  expect(sessionDomainFix('127.0.0.1', 'localhost')).toMatch(/^serve the SPA and the API from one host/);
});

test("a cookie's description keeps its attributes in order, without its value, expires or Max-Age", () => {
  const raw =
    'laravel-session=eyJpdiI6IlNlY3JldCJ9%3D; expires=Sun, 07 Dec 2025 08:46:00 GMT; Max-Age=7200;' +
    ' path=/; domain=.example.test; secure; httponly; samesite=lax';
  const described = cookieAttributes(parseSetCookie(raw));
  expect(described).toBe('laravel-session: path=/; domain=.example.test; secure; httponly; samesite=lax');
  expect(described, 'the value is never shown').not.toContain('eyJpdiI6');
  expect(cookieAttributes(parseSetCookie('a=b')), 'a bare cookie').toBe('a: (no attributes)');
});

test('the session cookie is the *-session / *_session one among several, else the one besides XSRF-TOKEN', () => {
  const cookies = (...names: string[]) => names.map((name) => parseSetCookie(`${name}=v; path=/`));
  expect(sessionCookieOf(cookies('XSRF-TOKEN', 'remember_web_59ba', 'my_app_session'))?.name).toBe('my_app_session');
  expect(sessionCookieOf(cookies('XSRF-TOKEN', 'sid'))?.name, 'SESSION_COOKIE=sid').toBe('sid');
  expect(sessionCookieOf(cookies('XSRF-TOKEN')), 'only XSRF-TOKEN').toBeUndefined();
});
