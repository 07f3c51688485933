import { expect, test } from 'sanctum-spa-kit';

// The https topology is real TLS: Chromium reaches the SPA with a certificate
// it verifies (the run's CA, trusted by this browser's home only; no
// error-bypass flag), and the session cookie is Secure for the whole domain.

test(
  'Chromium reaches the SPA over TLS with a certificate it ' + 'trusts, and the cookies are Secure for .example.test',
  async ({ page, spaOrigin, apiOrigin, traffic, sessionCookieName }) => {
    expect(spaOrigin, 'this project runs the https topology').toMatch(/^https:\/\/app\.example\.test:\d+$/);
    const csrf = traffic.waitFor('GET', '/sanctum/csrf-cookie');
    const response = await page.goto(spaOrigin);
    const security = await response!.securityDetails();
    expect(security?.protocol, 'TLS negotiated by Chromium').toMatch(/^TLS 1\.[23]$/);
    expect(security?.issuer, "the certificate is issued by the run's CA").toMatch(/mkcert/);
    expect(await page.evaluate(() => window.isSecureContext), 'the SPA page is a secure context').toBe(true);
    const cookies = (await csrf).response!.setCookies;
    for (const name of [sessionCookieName, 'XSRF-TOKEN']) {
      const cookie = cookies.find((candidate) => candidate.name === name);
      expect(cookie?.secure, `${name} Secure`).toBe(true);
      expect(cookie?.domain, `${name} Domain (SESSION_DOMAIN)`).toBe('.example.test');
    }
    expect(new URL(apiOrigin).hostname).toBe('api.example.test');
    expect(
      (await page.context().cookies(apiOrigin)).map((cookie) => cookie.name),
      'Chromium kept both cookies',
    ).toEqual(expect.arrayContaining([sessionCookieName, 'XSRF-TOKEN']));
  },
);
