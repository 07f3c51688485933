import { test, expect, type Page } from '@playwright/test';
import { parseSetCookie } from 'sanctum-spa-kit/fixtures';
import type { Exchange } from 'sanctum-spa-kit';
import {
  renderSequenceDiagram,
  type DiagramExchange,
  type SequenceDiagramInput,
} from '../../fixtures/report/sequence-diagram.ts';

// The traffic sequence diagram, rendered from hand-built exchanges of a broken
// Sanctum login and read back in Chromium: lanes, arrows, verdicts, escaping.

const SPA = 'http://localhost:5173';
const API = 'http://localhost:8000';
// Values reach the diagram masked, as maskedExchanges leaves them.
const MASKED = '«masked 340 chars, sha256:5f1c9a2e»';
const PAGE_HEADERS = {
  origin: SPA,
  referer: `${SPA}/login`,
  accept: 'application/json',
  'x-requested-with': 'XMLHttpRequest',
  'sec-fetch-site': 'same-site',
};
const CORS_FOR_SPA = { 'access-control-allow-origin': SPA, 'access-control-allow-credentials': 'true' };

function exchange(method: string, path: string, overrides: Partial<Exchange> = {}): Exchange {
  return {
    method,
    path,
    url: `${API}${path}`,
    resourceType: 'fetch',
    preflight: false,
    sent: { headers: PAGE_HEADERS, cookieNames: [], provisional: false },
    ...overrides,
  };
}

const csrfCookie = exchange('GET', '/sanctum/csrf-cookie', {
  response: {
    status: 204,
    setCookies: [
      parseSetCookie(`XSRF-TOKEN=${MASKED}; expires=Wed, 21 Oct 2037 07:28:00 GMT; Max-Age=7200; path=/; samesite=lax`),
      parseSetCookie(
        `laravel-session=${MASKED}; expires=Wed, 21 Oct 2037 ` +
          '07:28:00 GMT; Max-Age=7200; path=/; httponly; samesite=lax',
      ),
    ],
    cors: CORS_FOR_SPA,
  },
});

// The session cookie did not come back, so Laravel cannot match the token: 419.
const loginWithoutSession = exchange('POST', '/login', {
  sent: {
    headers: { ...PAGE_HEADERS, 'x-xsrf-token': MASKED, 'content-type': 'application/json' },
    cookieNames: ['XSRF-TOKEN'],
    provisional: false,
  },
  response: {
    status: 419,
    setCookies: [],
    cors: { 'access-control-allow-credentials': 'true' },
    json: { message: 'CSRF token mismatch.' },
  },
});

const refused = exchange('GET', '/api/user', {
  sent: { headers: { accept: 'application/json' }, cookieNames: [], provisional: true },
  failure: 'net::ERR_CONNECTION_REFUSED',
});

const unauthenticated: DiagramExchange = {
  ...exchange('GET', '/api/user', {
    response: { status: 401, setCookies: [], cors: {}, json: { message: 'Unauthenticated.' } },
  }),
  client: 1,
};

function sample(overrides: Partial<SequenceDiagramInput> = {}): SequenceDiagramInput {
  return {
    title: 'logs in and reads the user',
    spaOrigin: SPA,
    apiOrigin: API,
    browser: [csrfCookie, loginWithoutSession, refused],
    navigations: [{ url: `${SPA}/login`, status: 200, beforeExchange: 0 }],
    requestContexts: [unauthenticated],
    ...overrides,
  };
}

async function show(page: Page, input: SequenceDiagramInput): Promise<void> {
  await page.setContent(renderSequenceDiagram(input));
}

const step = (page: Page, kind: string, index: number) =>
  page.locator(`.step[data-kind="${kind}"][data-index="${index}"]`);
const requestOf = (page: Page, kind: string, index: number) =>
  step(page, kind, index).locator('.arrow[data-reply="false"]');
const replyOf = (page: Page, kind: string, index: number) =>
  step(page, kind, index).locator('.arrow[data-reply="true"]');

test('the lanes are the page, the SPA, the API and one per request-context client', async ({ page }) => {
  const second: DiagramExchange = { ...unauthenticated, client: 2 };
  await show(page, sample({ requestContexts: [second, unauthenticated, second] }));
  await expect(page.locator('.lane')).toHaveText([
    'Browser (page)',
    `SPA ${SPA}`,
    `API ${API}`,
    'Request context 1',
    'Request context 2',
  ]);
});

test('without navigations or request contexts only the page and the API have lanes', async ({ page }) => {
  await show(page, sample({ navigations: [], requestContexts: undefined }));
  await expect(page.locator('.lane')).toHaveText(['Browser (page)', `API ${API}`]);
});

test('each exchange is an arrow labelled with its method and path, over what was sent', async ({ page }) => {
  const htmlAccept = exchange('GET', '/dashboard', {
    sent: {
      headers: { ...PAGE_HEADERS, accept: 'text/html' },
      cookieNames: ['XSRF-TOKEN', 'laravel-session'],
      provisional: false,
    },
  });
  await show(page, sample({ browser: [csrfCookie, loginWithoutSession, refused, htmlAccept] }));
  const sent = (index: number) => requestOf(page, 'browser', index).locator('text');
  await expect(sent(0)).toHaveText(['GET /sanctum/csrf-cookie', `Origin ${SPA} · no X-XSRF-TOKEN`, 'no cookies']);
  await expect(sent(1)).toHaveText(['POST /login', `Origin ${SPA} · X-XSRF-TOKEN ✓`, 'cookies: XSRF-TOKEN']);
  await expect(sent(2)).toHaveText([
    'GET /api/user',
    'no Origin · no X-XSRF-TOKEN',
    'no cookies · (provisional: Cookie and Origin unknown)',
  ]);
  await expect(sent(3)).toHaveText([
    'GET /dashboard',
    `Origin ${SPA} · no X-XSRF-TOKEN · Accept: text/html`,
    'cookies: XSRF-TOKEN, laravel-session',
  ]);
  await expect(requestOf(page, 'request-context', 0).locator('.label')).toHaveText('GET /api/user');
});

test('a reply shows the status and each Set-Cookie with its key attributes', async ({ page }) => {
  const domainCookie = exchange('POST', '/logout', {
    response: {
      status: 204,
      setCookies: [parseSetCookie('shared=x; Max-Age=0; path=/; domain=.example.test; secure; samesite=none')],
      cors: CORS_FOR_SPA,
    },
  });
  await show(page, sample({ browser: [csrfCookie, loginWithoutSession, domainCookie] }));
  await expect(replyOf(page, 'browser', 0).locator('text')).toHaveText([
    '204',
    'set XSRF-TOKEN (SameSite=lax; Max-Age=7200)',
    'set laravel-session (HttpOnly; SameSite=lax; Max-Age=7200)',
    'CORS ✓',
  ]);
  await expect(replyOf(page, 'browser', 1).locator('.label')).toHaveText('419 "CSRF token mismatch."');
  await expect(replyOf(page, 'browser', 2).locator('.detail').first()).toHaveText(
    'set shared (SameSite=none; Secure; Domain=.example.test; Max-Age=0)',
  );
  await expect(replyOf(page, 'request-context', 0).locator('.label')).toHaveText('401 "Unauthenticated."');
});

test('replies are coloured by status class: 2xx green, 3xx blue-grey, 4xx orange, 5xx red', async ({ page }) => {
  const answered = (status: number, location?: string) =>
    exchange('GET', `/status/${status}`, { response: { status, setCookies: [], cors: CORS_FOR_SPA, location } });
  await show(page, sample({ browser: [answered(204), answered(302, `${SPA}/login`), answered(419), answered(500)] }));
  const tones = await page
    .locator('.step[data-kind="browser"] .arrow[data-reply="true"]')
    .evaluateAll((arrows) => arrows.map((arrow) => arrow.getAttribute('data-tone')));
  expect(tones).toEqual(['success', 'redirect', 'client-error', 'server-error']);
  await expect(replyOf(page, 'browser', 0).locator('line')).toHaveAttribute('stroke', '#1a7f37');
  await expect(replyOf(page, 'browser', 2).locator('line')).toHaveAttribute('stroke', '#d4700a');
  await expect(replyOf(page, 'browser', 1).locator('.label')).toHaveText(`302 → ${SPA}/login`);
});

test('CORS ✓ when Allow-Origin is the Origin and credentials are allowed, ✗ saying what is wrong otherwise', async ({
  page,
}) => {
  const withCors = (cors: Record<string, string>) =>
    exchange('GET', '/api/user', { response: { status: 200, setCookies: [], cors } });
  await show(
    page,
    sample({
      browser: [
        csrfCookie,
        loginWithoutSession,
        withCors({ 'access-control-allow-origin': '*', 'access-control-allow-credentials': 'true' }),
        withCors({ 'access-control-allow-origin': SPA }),
      ],
    }),
  );
  const verdict = (index: number) => replyOf(page, 'browser', index).locator('text').last();
  await expect(verdict(0)).toHaveText('CORS ✓');
  await expect(verdict(1)).toHaveText('CORS ✗ (no Allow-Origin)');
  await expect(verdict(1)).toHaveClass('warning');
  await expect(verdict(2)).toHaveText(`CORS ✗ (Allow-Origin * ≠ ${SPA})`);
  await expect(verdict(3)).toHaveText('CORS ✗ (no Allow-Credentials)');
  // A request context is no browser: CORS does not apply to it.
  await expect(step(page, 'request-context', 0)).not.toContainText('CORS');
});

test('a failed request is a red ✗ reply with the failure text', async ({ page }) => {
  await show(page, sample());
  const reply = replyOf(page, 'browser', 2);
  await expect(reply).toHaveAttribute('data-tone', 'failed');
  await expect(reply.locator('.label')).toHaveText('✗ net::ERR_CONNECTION_REFUSED');
  await expect(reply.locator('line')).toHaveAttribute('stroke', '#cf222e');
});

test('navigations go from the page to the SPA, before the exchange they preceded', async ({ page }) => {
  await show(
    page,
    sample({
      navigations: [
        { url: `${SPA}/login`, status: 200, beforeExchange: 0 },
        { url: `${SPA}/dashboard?tab=1`, failure: 'net::ERR_ABORTED', beforeExchange: 2 },
        { url: `${SPA}/`, status: 304, beforeExchange: 9 },
      ],
    }),
  );
  const order = await page
    .locator('.step')
    .evaluateAll((steps) =>
      steps.map((step) => `${step.getAttribute('data-kind')} ${step.getAttribute('data-index')}`),
    );
  expect(order).toEqual([
    'navigation 0',
    'browser 0',
    'browser 1',
    'navigation 1',
    'browser 2',
    'navigation 2',
    'divider 1',
    'request-context 0',
  ]);
  await expect(requestOf(page, 'navigation', 1).locator('.label')).toHaveText('GET /dashboard?tab=1');
  await expect(replyOf(page, 'navigation', 0).locator('.label')).toHaveText('200');
  await expect(replyOf(page, 'navigation', 1)).toHaveAttribute('data-tone', 'failed');
  const spaX = await page.locator('.lane').nth(1).locator('line').getAttribute('x1');
  await expect(requestOf(page, 'navigation', 0).locator('line')).toHaveAttribute('x2', spaX!);
});

test('request-context exchanges follow the page, grouped per client, and the legend says so', async ({ page }) => {
  const second = (path: string): DiagramExchange => ({
    ...exchange('GET', path, { response: { status: 200, setCookies: [], cors: {} } }),
    client: 2,
  });
  await show(page, sample({ navigations: [], requestContexts: [second('/a'), unauthenticated, second('/b')] }));
  const order = await page
    .locator('.step')
    .evaluateAll((steps) =>
      steps.map((step) => `${step.getAttribute('data-kind')} ${step.getAttribute('data-index')}`),
    );
  expect(order).toEqual([
    'browser 0',
    'browser 1',
    'browser 2',
    'divider 1',
    'request-context 1',
    'divider 2',
    'request-context 0',
    'request-context 2',
  ]);
  await expect(page.locator('.legend')).toContainText('grouped per client');
});

test('the marked exchange is named at the top with its reason, and its row is highlighted', async ({ page }) => {
  const reason = 'answered 419: the laravel-session cookie was not sent';
  await show(page, sample({ marked: { source: 'browser', index: 1, reason } }));
  await expect(page.locator('.failing')).toHaveText(`Failing exchange: POST /login — ${reason}`);
  await expect(page.locator('[data-marked]')).toHaveCount(1);
  await expect(step(page, 'browser', 1)).toHaveAttribute('data-marked', 'true');
  await expect(step(page, 'browser', 1).locator('.band')).toBeVisible();
  await expect(step(page, 'browser', 1).locator('.reason')).toHaveText(`✗ ${reason}`);
});

test('a marked request-context exchange is found in its own list', async ({ page }) => {
  await show(page, sample({ marked: { source: 'request-context', index: 0, reason: 'the guest was let in' } }));
  await expect(page.locator('.failing')).toHaveText('Failing exchange: GET /api/user — the guest was let in');
  await expect(page.locator('[data-marked]')).toHaveAttribute('data-kind', 'request-context');
});

test('without a marked exchange nothing is highlighted', async ({ page }) => {
  await show(page, sample());
  await expect(page.locator('.failing')).toHaveCount(0);
  await expect(page.locator('[data-marked], .band')).toHaveCount(0);
});

test('text from the network is escaped: markup in a path or a header shows literally', async ({ page }) => {
  const hostile = exchange('GET', '/x?<script>document.title="owned"</script>', {
    sent: {
      headers: { ...PAGE_HEADERS, origin: `${SPA}"><img src=x onerror="document.title='owned'">` },
      cookieNames: ['a&b'],
      provisional: false,
    },
    failure: '<b>refused</b>',
  });
  await show(
    page,
    sample({
      title: 'a <i>title</i> & more',
      browser: [hostile],
      marked: { source: 'browser', index: 0, reason: '</p><script>1</script>' },
    }),
  );
  await expect(page.locator('script, img, b, i')).toHaveCount(0);
  await expect(requestOf(page, 'browser', 0).locator('.label')).toHaveText(
    'GET /x?<script>document.title="owned"</script>',
  );
  await expect(requestOf(page, 'browser', 0).locator('.detail').first()).toContainText(`Origin ${SPA}"><img src=x`);
  await expect(replyOf(page, 'browser', 0).locator('.label')).toHaveText('✗ <b>refused</b>');
  await expect(page.locator('h1')).toHaveText('a <i>title</i> & more');
  await expect(page.locator('.failing')).toHaveText(
    'Failing exchange: GET /x?<script>document.title="owned"</script> — </p><script>1</script>',
  );
  expect(await page.title()).not.toBe('owned');
});

test('a long label is cut with … to fit its arrow, its full text kept as a tooltip', async ({ page }) => {
  const path = `/api/search?q=${'a'.repeat(300)}`;
  await show(
    page,
    sample({ browser: [exchange('GET', path, { response: { status: 200, setCookies: [], cors: CORS_FOR_SPA } })] }),
  );
  const label = requestOf(page, 'browser', 0).locator('.label');
  const shown = (await label.textContent()) ?? '';
  expect(shown).toMatch(/^GET \/api\/search\?q=a+…$/);
  expect(shown.length).toBeLessThan(path.length);
  await expect(requestOf(page, 'browser', 0).locator('title')).toHaveText(`GET ${path}`);
  // The cut text ends before the API lifeline, where the arrow ends.
  const apiX = Number(await page.locator('.lane').nth(2).locator('line').getAttribute('x1'));
  const right = await label.evaluate((text) => {
    const box = (text as SVGTextElement).getBBox();
    return box.x + box.width;
  });
  expect(right).toBeLessThan(apiX);
});

test('the height grows with the exchanges; the width stays fixed', async ({ page }) => {
  await show(page, sample({ browser: [csrfCookie], navigations: [], requestContexts: [] }));
  const oneExchange = Number(await page.locator('svg').getAttribute('height'));
  await show(page, sample());
  const svg = page.locator('svg');
  expect(Number(await svg.getAttribute('height'))).toBeGreaterThan(oneExchange + 200);
  await expect(svg).toHaveAttribute('width', '1100');
});

test('the document loads nothing from elsewhere: no script, no URL in src or href, no request', async ({ page }) => {
  const html = renderSequenceDiagram(
    sample({ marked: { source: 'browser', index: 1, reason: 'see https://laravel.com/docs/sanctum' } }),
  );
  expect(html.startsWith('<!doctype html>')).toBe(true);
  expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
  expect(html).not.toMatch(/url\(\s*["']?\s*(?:https?:)?\/\/|@import|<script|<link/i);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.setContent(html);
  expect(requests).toEqual([]);
});

test('without any exchange the document says so and draws no diagram', async ({ page }) => {
  const html = renderSequenceDiagram(sample({ browser: [], navigations: [], requestContexts: [] }));
  expect(html.startsWith('<!doctype html>')).toBe(true);
  await page.setContent(html);
  await expect(page.getByText('(no API traffic)')).toBeVisible();
  await expect(page.locator('svg')).toHaveCount(0);
  await expect(page.locator('h1')).toHaveText('logs in and reads the user');
});

test('navigations without API traffic are still drawn, under the same notice', async ({ page }) => {
  await show(page, sample({ browser: [], requestContexts: [] }));
  await expect(page.getByText('(no API traffic)')).toBeVisible();
  await expect(requestOf(page, 'navigation', 0).locator('.label')).toHaveText('GET /login');
});
