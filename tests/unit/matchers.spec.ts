import { test, expect as plain } from '@playwright/test';
import { expect } from 'sanctum-spa-kit';
import { parseSetCookie } from 'sanctum-spa-kit/fixtures';
import type { CookieSource } from 'sanctum-spa-kit';
import {
  browserJar,
  failureOf,
  loginExchange,
  setCookies,
  SET_COOKIE_HEADERS,
  VALUES,
} from './support/sample-cookies.ts';

// The cookie matchers on each cookie source, and the sent-request matchers on
// a recorded exchange: passing, failing, with and without .not, exact messages.

interface Source {
  label: string;
  source: () => CookieSource;
  place: string;
  holder: string;
  present: string;
  /** How each cookie is quoted in a message, value elided. */
  evidence: Record<'laravel-session' | 'XSRF-TOKEN' | 'shared', string>;
  /** How the host-only laravel-session shows. */
  hostOnly: string;
}

const setCookieEvidence = {
  'laravel-session': 'Set-Cookie: laravel-session=eyJpdiI6…; path=/; httponly; samesite=lax',
  'XSRF-TOKEN': 'Set-Cookie: XSRF-TOKEN=eyJpdiI6…; path=/; samesite=lax',
  shared: 'Set-Cookie: shared=sharedva…; path=/; domain=.example.test; secure; samesite=none',
};

const SOURCES: Source[] = [
  {
    label: 'a SetCookie[] array',
    source: setCookies,
    place: 'the given Set-Cookie headers',
    holder: 'the cookie was set',
    present: 'laravel-session, XSRF-TOKEN, shared (.example.test)',
    evidence: setCookieEvidence,
    hostOnly: 'host-only',
  },
  {
    label: 'a recorded exchange',
    source: () => loginExchange(),
    place: 'the Set-Cookie headers of POST /login',
    holder: 'the cookie was set',
    present: 'laravel-session, XSRF-TOKEN, shared (.example.test)',
    evidence: setCookieEvidence,
    hostOnly: 'host-only',
  },
  {
    label: "the browser's jar",
    source: browserJar,
    place: "the browser's cookies",
    holder: 'the browser holds it',
    present: 'laravel-session (spa.example.test), XSRF-TOKEN (spa.example.test), shared (.example.test)',
    evidence: {
      'laravel-session': 'browser: laravel-session; domain=spa.example.test; path=/; HttpOnly; SameSite=Lax',
      'XSRF-TOKEN': 'browser: XSRF-TOKEN; domain=spa.example.test; path=/; SameSite=Lax',
      shared: 'browser: shared; domain=.example.test; path=/; Secure; SameSite=None',
    },
    hostOnly: 'host-only for spa.example.test',
  },
];

for (const { label, source, place, holder, present, evidence, hostOnly } of SOURCES) {
  test.describe(`on ${label}`, () => {
    const absent = (name: string) => `cookie "${name}": not found in ${place}; present: ${present}`;

    test('toHaveCookie passes for a present cookie and fails, naming what is present, for an absent one', () => {
      expect(source()).toHaveCookie('laravel-session');
      expect(source()).not.toHaveCookie('missing');
      plain(failureOf(() => expect(source()).toHaveCookie('missing'))).toBe(absent('missing'));
      plain(failureOf(() => expect(source()).not.toHaveCookie('XSRF-TOKEN'))).toBe(
        `cookie "XSRF-TOKEN": expected it absent from ${place}, but ${holder} (${evidence['XSRF-TOKEN']})`,
      );
    });

    test('toBeHttpOnlyCookie names the attribute seen and the one expected', () => {
      expect(source()).toBeHttpOnlyCookie('laravel-session');
      expect(source()).not.toBeHttpOnlyCookie('XSRF-TOKEN');
      plain(failureOf(() => expect(source()).toBeHttpOnlyCookie('XSRF-TOKEN'))).toBe(
        `cookie "XSRF-TOKEN": expected HttpOnly, but ${holder} without it (${evidence['XSRF-TOKEN']})`,
      );
      plain(failureOf(() => expect(source()).not.toBeHttpOnlyCookie('laravel-session'))).toBe(
        'cookie "laravel-session": expected no HttpOnly (script must read ' +
          `it), but ${holder} with it (${evidence['laravel-session']})`,
      );
    });

    test('toBeSecureCookie names the attribute seen and the one expected', () => {
      expect(source()).toBeSecureCookie('shared');
      expect(source()).not.toBeSecureCookie('laravel-session');
      plain(failureOf(() => expect(source()).toBeSecureCookie('laravel-session'))).toBe(
        `cookie "laravel-session": expected Secure, but ${holder} without it (${evidence['laravel-session']})`,
      );
      plain(failureOf(() => expect(source()).not.toBeSecureCookie('shared'))).toBe(
        'cookie "shared": expected no Secure (it must travel over ' +
          `plain http), but ${holder} with it (${evidence.shared})`,
      );
    });

    test('toHaveSameSite names the SameSite seen and the one expected', () => {
      expect(source()).toHaveSameSite('laravel-session', 'Lax');
      expect(source()).toHaveSameSite('shared', 'None');
      expect(source()).not.toHaveSameSite('laravel-session', 'Strict');
      plain(failureOf(() => expect(source()).toHaveSameSite('laravel-session', 'Strict'))).toBe(
        'cookie "laravel-session": expected SameSite=Strict, but ' +
          `${holder} with SameSite=Lax (${evidence['laravel-session']})`,
      );
      plain(failureOf(() => expect(source()).not.toHaveSameSite('shared', 'None'))).toBe(
        `cookie "shared": expected a SameSite other than None, but ${holder} with SameSite=None (${evidence.shared})`,
      );
    });

    test('toBeHostOnlyCookie names the Domain seen', () => {
      expect(source()).toBeHostOnlyCookie('laravel-session');
      expect(source()).not.toBeHostOnlyCookie('shared');
      plain(failureOf(() => expect(source()).toBeHostOnlyCookie('shared'))).toBe(
        'cookie "shared": expected host-only (no Domain attribute), ' +
          `but ${holder} for Domain=.example.test (${evidence.shared})`,
      );
      plain(failureOf(() => expect(source()).not.toBeHostOnlyCookie('laravel-session'))).toBe(
        'cookie "laravel-session": expected a Domain attribute, but ' +
          `${holder} ${hostOnly} (${evidence['laravel-session']})`,
      );
    });

    test('an attribute matcher on an absent cookie fails with and without .not', () => {
      for (const matcher of ['toBeHttpOnlyCookie', 'toBeSecureCookie', 'toBeHostOnlyCookie'] as const) {
        plain(failureOf(() => expect(source())[matcher]('missing'))).toBe(absent('missing'));
        plain(failureOf(() => expect(source()).not[matcher]('missing'))).toBe(absent('missing'));
      }
      plain(failureOf(() => expect(source()).toHaveSameSite('missing', 'Lax'))).toBe(absent('missing'));
      plain(failureOf(() => expect(source()).not.toHaveSameSite('missing', 'Lax'))).toBe(absent('missing'));
    });

    test('no failure message holds a full cookie value', () => {
      const messages = (['laravel-session', 'XSRF-TOKEN', 'shared'] as const).flatMap((name) => [
        failureOf(() => expect(source()).not.toHaveCookie(name)),
        failureOf(() => expect(source()).toHaveSameSite(name, 'Strict')),
      ]);
      for (const value of Object.values(VALUES)) plain(messages.join('\n')).not.toContain(value);
    });
  });
}

test.describe('cookie sources without cookies', () => {
  test('an empty array is described neutrally, not as Set-Cookie headers', () => {
    plain(failureOf(() => expect([]).toHaveCookie('laravel-session'))).toBe(
      'cookie "laravel-session": not found in the given cookies (an empty list); present: none',
    );
    plain(failureOf(() => expect([]).not.toBeHttpOnlyCookie('laravel-session'))).toBe(
      'cookie "laravel-session": not found in the given cookies (an empty list); present: none',
    );
    expect([]).not.toHaveCookie('laravel-session');
  });

  test('a failed exchange says the request failed, and why', () => {
    const failed = loginExchange({ response: undefined, failure: 'net::ERR_FAILED' });
    plain(failureOf(() => expect(failed).toHaveCookie('laravel-session'))).toBe(
      'cookie "laravel-session": not found in the Set-Cookie headers of ' +
        'POST /login; present: none: the request failed (net::ERR_FAILED)',
    );
    plain(failureOf(() => expect(failed).not.toBeHttpOnlyCookie('laravel-session'))).toContain(
      'present: none: the request failed (net::ERR_FAILED)',
    );
  });

  test('an exchange still in flight says no response was recorded yet', () => {
    plain(failureOf(() => expect(loginExchange({ response: undefined })).toHaveCookie('laravel-session'))).toBe(
      'cookie "laravel-session": not found in the Set-Cookie headers of POST /login; present: ' +
        'none: no response recorded yet (await traffic.waitFor(…) or traffic.settled() first)',
    );
  });
});

test.describe('cookie sources from Set-Cookie headers', () => {
  test('a Set-Cookie without SameSite says Chromium then applies Lax', () => {
    const raw = 'plain=abcdefghijklmnop; path=/';
    plain(failureOf(() => expect([parseSetCookie(raw)]).toHaveSameSite('plain', 'Lax'))).toBe(
      'cookie "plain": expected SameSite=Lax, but the cookie was set without ' +
        'SameSite (Chromium then applies Lax) (Set-Cookie: plain=abcdefgh…; path=/)',
    );
  });

  test('the last Set-Cookie of a name is the one judged, as in the browser', () => {
    const twice = [
      parseSetCookie(SET_COOKIE_HEADERS['laravel-session']),
      parseSetCookie('laravel-session=forgotten; path=/; max-age=0'),
    ];
    expect(twice).not.toBeHttpOnlyCookie('laravel-session');
    expect(loginExchange({ response: { status: 204, setCookies: twice, cors: {} } })).not.toBeHttpOnlyCookie(
      'laravel-session',
    );
  });
});

test.describe('toHaveSentHeader', () => {
  test('passes for a header sent, with or without its value, and fails naming what was carried', () => {
    const login = loginExchange();
    expect(login).toHaveSentHeader('Origin');
    expect(login).toHaveSentHeader('Origin', 'http://spa.example.test');
    expect(login).not.toHaveSentHeader('Referer');
    expect(login).not.toHaveSentHeader('Origin', 'http://evil.example.test');
    plain(failureOf(() => expect(login).toHaveSentHeader('Referer'))).toBe(
      'POST /login: expected the request to carry Referer, but it carried only: origin: ' +
        'http://spa.example.test, x-xsrf-token: eyJpdiI6IlhzcmZUb2tlbkxvbmdFbm91Z2gifQ, ' +
        'accept: application/json, cookie[XSRF-TOKEN, laravel-session]',
    );
    plain(failureOf(() => expect(login).toHaveSentHeader('Referer', 'http://spa.example.test/'))).toBe(
      'POST /login: expected the request to carry Referer: "http://spa.example.test/", but it carried ' +
        'only: origin: http://spa.example.test, x-xsrf-token: eyJpdiI6IlhzcmZUb2tlbkxvbmdFbm91Z2gifQ, ' +
        'accept: application/json, cookie[XSRF-TOKEN, laravel-session]',
    );
  });

  test('names the value seen and the one expected, with and without .not', () => {
    const login = loginExchange();
    plain(failureOf(() => expect(login).toHaveSentHeader('Origin', 'http://evil.example.test'))).toBe(
      'POST /login: expected Origin: "http://evil.example.test", but it carried Origin: "http://spa.example.test"',
    );
    plain(failureOf(() => expect(login).not.toHaveSentHeader('Origin', 'http://spa.example.test'))).toBe(
      'POST /login: expected Origin not to be "http://spa.example.test", but it was',
    );
    plain(failureOf(() => expect(login).not.toHaveSentHeader('Origin'))).toBe(
      'POST /login: expected no Origin header, but it carried Origin: "http://spa.example.test"',
    );
  });

  test('shortens long header values in the list of what was carried', () => {
    const long = 'x'.repeat(50);
    const login = loginExchange({ sent: { headers: { 'x-xsrf-token': long }, cookieNames: [], provisional: false } });
    plain(failureOf(() => expect(login).toHaveSentHeader('Origin'))).toBe(
      `POST /login: expected the request to carry Origin, but it carried only: x-xsrf-token: ${'x'.repeat(40)}…`,
    );
  });

  test('a header the recorder does not keep is a usage error naming RECORDED_REQUEST_HEADERS', () => {
    const usage =
      // eslint-disable-next-line @stylistic/max-len -- a regex literal is kept whole, not split
      /^toHaveSentHeader: "User-Agent" is not recorded; the traffic recorder keeps origin, referer, x-xsrf-token, content-type, accept, x-requested-with, sec-fetch-site, authorization \(its RECORDED_REQUEST_HEADERS\)$/;
    plain(() => expect(loginExchange()).toHaveSentHeader('User-Agent')).toThrow(usage);
    plain(() => expect(loginExchange()).not.toHaveSentHeader('User-Agent')).toThrow(usage);
    plain(() => expect(loginExchange()).toHaveSentHeader('Cookie')).toThrow(
      'toHaveSentHeader: the recorder keeps cookie names only; use toHaveSentCookie(name)',
    );
  });

  test('a provisional exchange says Cookie and Origin are unknown, and why when it failed', () => {
    const sent = { headers: { accept: 'application/json' }, cookieNames: [], provisional: true };
    const failed = loginExchange({ sent, response: undefined, failure: 'net::ERR_FAILED' });
    plain(failureOf(() => expect(failed).toHaveSentHeader('Origin'))).toBe(
      'POST /login: expected the request to carry Origin, but it carried only: ' +
        'accept: application/json (Chromium reported only provisional headers for ' +
        'this failed request (net::ERR_FAILED): Cookie and Origin are unknown)',
    );
    plain(failureOf(() => expect(loginExchange({ sent: { ...sent, headers: {} } })).toHaveSentHeader('Origin'))).toBe(
      'POST /login: expected the request to carry Origin, but it carried only: none of the recorded ' +
        'headers (Chromium reported only provisional headers: Cookie and Origin are unknown)',
    );
  });
});

test.describe('toHaveSentCookie', () => {
  test('passes for a cookie sent and fails naming the cookies that were', () => {
    const login = loginExchange();
    expect(login).toHaveSentCookie('laravel-session');
    expect(login).not.toHaveSentCookie('remember_web');
    plain(failureOf(() => expect(login).toHaveSentCookie('remember_web'))).toBe(
      'POST /login: expected the request to carry cookie "remember_web", ' +
        'but its Cookie header held only: XSRF-TOKEN, laravel-session',
    );
    plain(failureOf(() => expect(login).not.toHaveSentCookie('laravel-session'))).toBe(
      'POST /login: expected no cookie "laravel-session", but it was sent',
    );
  });

  test('a request without a Cookie header says so, and a provisional one says Cookie is unknown', () => {
    const bare = loginExchange({ sent: { headers: {}, cookieNames: [], provisional: false } });
    plain(failureOf(() => expect(bare).toHaveSentCookie('laravel-session'))).toBe(
      'POST /login: expected the request to carry cookie "laravel-session", but it sent no Cookie header',
    );
    const failed = loginExchange({
      sent: { headers: {}, cookieNames: [], provisional: true },
      response: undefined,
      failure: 'net::ERR_FAILED',
    });
    plain(failureOf(() => expect(failed).toHaveSentCookie('laravel-session'))).toBe(
      'POST /login: expected the request to carry cookie "laravel-session", but ' +
        'it sent no Cookie header (Chromium reported only provisional headers for ' +
        'this failed request (net::ERR_FAILED): Cookie and Origin are unknown)',
    );
  });
});

test('a value longer than 8 characters is never quoted whole, however short', () => {
  const message = failureOf(() => expect([parseSetCookie('a=abcdefghi; path=/')]).toBeHttpOnlyCookie('a'));
  expect(message).toContain('Set-Cookie: a=abcdefgh…; path=/');
  expect(message).not.toContain('abcdefghi');
});

test('toHaveSentHeader never prints a whole X-XSRF-TOKEN, under .not or on a mismatch', () => {
  const token = 'eyJpdiI6' + 'x'.repeat(80);
  const exchange = loginExchange({ sent: { headers: { 'x-xsrf-token': token }, cookieNames: [], provisional: false } });
  expect(failureOf(() => expect(exchange).not.toHaveSentHeader('X-XSRF-TOKEN'))).not.toContain(token);
  expect(failureOf(() => expect(exchange).toHaveSentHeader('X-XSRF-TOKEN', 'other'))).not.toContain(token);
});
