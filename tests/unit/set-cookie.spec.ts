import { test, expect } from '@playwright/test';
import { parseSetCookie, setCookiesOf } from 'sanctum-spa-kit/fixtures';

// The Set-Cookie parser on headers as Laravel and others send them.

test('the value runs from the first "=" to the first ";", keeping any "=" inside it', () => {
  const cookie = parseSetCookie('laravel-session=eyJpdiI6Ik==; path=/');
  expect(cookie.name).toBe('laravel-session');
  expect(cookie.value).toBe('eyJpdiI6Ik==');
});

test('a URL-encoded value is kept encoded', () => {
  expect(parseSetCookie('XSRF-TOKEN=eyJpdiI6%3D%3D%2Fab; path=/').value).toBe('eyJpdiI6%3D%3D%2Fab');
});

test(
  'every attribute is read: flags, SameSite lower-cased, ' +
    'Path, Domain, Max-Age as a number, Expires with its comma',
  () => {
    const raw =
      'laravel-session=abc; expires=Wed, 21 Oct 2037 07:28:00 GMT; Max-Age=7200; ' +
      'path=/app; domain=.example.test; secure; httponly; samesite=Lax';
    expect(parseSetCookie(raw)).toEqual({
      name: 'laravel-session',
      value: 'abc',
      httpOnly: true,
      secure: true,
      sameSite: 'lax',
      path: '/app',
      domain: '.example.test',
      maxAge: 7200,
      expires: 'Wed, 21 Oct 2037 07:28:00 GMT',
      raw,
    });
  },
);

test('attribute names are read whatever their case', () => {
  const cookie = parseSetCookie(
    'a=1; HTTPONLY; SeCuRe; SAMESITE=STRICT; PATH=/x; DOMAIN=example.test; ' +
      'MAX-AGE=0; EXPIRES=Thu, 01 Jan 1970 00:00:00 GMT',
  );
  expect(cookie).toMatchObject({
    httpOnly: true,
    secure: true,
    sameSite: 'strict',
    path: '/x',
    domain: 'example.test',
    maxAge: 0,
    expires: 'Thu, 01 Jan 1970 00:00:00 GMT',
  });
});

test('missing attributes stay absent: not HttpOnly, not Secure, host-only (no domain)', () => {
  const cookie = parseSetCookie('XSRF-TOKEN=abc; path=/');
  expect(cookie).toEqual({
    name: 'XSRF-TOKEN',
    value: 'abc',
    httpOnly: false,
    secure: false,
    path: '/',
    raw: 'XSRF-TOKEN=abc; path=/',
  });
  expect(cookie.domain).toBeUndefined();
  expect(cookie.sameSite).toBeUndefined();
  expect(cookie.maxAge).toBeUndefined();
  expect(cookie.expires).toBeUndefined();
});

test('a header without attributes is just a name and a value', () => {
  expect(parseSetCookie('a=b')).toEqual({ name: 'a', value: 'b', httpOnly: false, secure: false, raw: 'a=b' });
});

test('an empty value is kept as the empty string', () => {
  expect(parseSetCookie('a=; Max-Age=0')).toMatchObject({ name: 'a', value: '', maxAge: 0 });
});

test('setCookiesOf keeps only Set-Cookie headers, whatever their case, by name', () => {
  const cookies = setCookiesOf([
    { name: 'Content-Type', value: 'application/json' },
    { name: 'set-cookie', value: 'XSRF-TOKEN=x; path=/' },
    { name: 'SET-COOKIE', value: 'laravel-session=s; path=/; httponly' },
  ]);
  expect([...cookies.keys()]).toEqual(['XSRF-TOKEN', 'laravel-session']);
  expect(cookies.get('laravel-session')?.httpOnly).toBe(true);
});

test('setCookiesOf keeps the last cookie of a name, as the browser does', () => {
  const cookies = setCookiesOf([
    { name: 'Set-Cookie', value: 'laravel-session=first; path=/' },
    { name: 'Set-Cookie', value: 'laravel-session=second; path=/; httponly' },
  ]);
  expect(cookies.size).toBe(1);
  expect(cookies.get('laravel-session')).toMatchObject({ value: 'second', httpOnly: true });
});

test('setCookiesOf of a response without Set-Cookie is empty', () => {
  expect(setCookiesOf([{ name: 'Content-Type', value: 'text/html' }]).size).toBe(0);
});

test('a pair without "=" is a value with an empty name, as browsers read it', () => {
  expect(parseSetCookie('foo; path=/')).toMatchObject({ name: '', value: 'foo', path: '/' });
});

test('spaces around attribute names and values are ignored', () => {
  expect(parseSetCookie('a=b; SameSite = Strict ; Max-Age = 60')).toMatchObject({ sameSite: 'strict', maxAge: 60 });
});

test('an empty or invalid Max-Age is ignored, not read as 0 or NaN', () => {
  expect(parseSetCookie('a=b; Max-Age=').maxAge).toBeUndefined();
  expect(parseSetCookie('a=b; Max-Age=abc').maxAge).toBeUndefined();
  expect(parseSetCookie('a=b; Max-Age=-1').maxAge).toBe(-1);
});
