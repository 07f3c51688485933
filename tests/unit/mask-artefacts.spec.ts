import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { maskedPageSnapshot, scrubTraceZip, SecretLiterals } from 'sanctum-spa-kit/diagnosis';

// What a failed run's trace.zip and error-context.md hold, shaped as Playwright writes them, and
// what the kit's masking reporter leaves of it.

const PASSWORD = 'Sup3r-S3cret-XYZ';
const SESSION = 'eyJpdiI6InNuVjBTNEZyZWxrOUdjTlg2ZXNaTkE9PSIsInZhbHVlIjoiQUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVoifQ%3D%3D';
const XSRF = 'eyJpdiI6Ijh0WTNFQW1YNmd4WEhJWjErNTJMVVE9PSIsInZhbHVlIjoiMTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3AifQ%3D%3D';
const TOKEN = '7|Qm9ndXNUb2tlblZhbHVlRm9yVGhlVW5pdFRlc3Rz0123abcd';

const network = {
  type: 'resource-snapshot',
  snapshot: {
    request: {
      url: 'http://localhost:8000/login',
      headers: [
        { name: 'Cookie', value: `XSRF-TOKEN=${XSRF}; laravel-session=${SESSION}` },
        { name: 'X-XSRF-TOKEN', value: decodeURIComponent(XSRF) },
      ],
      cookies: [{ name: 'laravel-session', value: SESSION }],
      postData: { mimeType: 'application/json', text: '', _file: 'resources/login-body.json' },
    },
    response: {
      headers: [{ name: 'Set-Cookie', value: `laravel-session=${SESSION}; path=/; httponly` }],
      content: { mimeType: 'application/json', _file: 'resources/token-body.json' },
    },
  },
};
const input = (type: string, value: string) => ['INPUT', { type, __playwright_value_: value }];
const snapshot = {
  type: 'frame-snapshot',
  snapshot: { html: ['HTML', {}, ['BODY', {}, input('password', 'password'), input('text', TOKEN)]] },
};
const fill = { type: 'before', title: `Fill "${PASSWORD}"`, params: { value: PASSWORD } };
const errorContext = [
  '# Page snapshot',
  '',
  '- textbox "Password" [ref=e9]: password',
  '- textbox "Email" [ref=e7]: a@b.test',
].join('\n');

async function traceZip(): Promise<string> {
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'mask-artefacts-')), 'trace.zip');
  const entries = {
    '1-trace.network': strToU8(JSON.stringify(network)),
    '1-trace.trace': strToU8([snapshot, fill].map((event) => JSON.stringify(event)).join('\n')),
    'resources/login-body.json': strToU8(JSON.stringify({ email: 'a@b.test', password: PASSWORD })),
    'resources/token-body.json': strToU8(JSON.stringify({ token: TOKEN })),
    'attachments/0123abcd': strToU8(errorContext),
  };
  await writeFile(file, zipSync(entries));
  return file;
}

async function entriesOf(file: string): Promise<Record<string, string>> {
  const entries = unzipSync(await readFile(file));
  return Object.fromEntries(Object.entries(entries).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

test('a trace keeps no password, cookie or token value: network, bodies, DOM snapshots, typed text', async () => {
  const file = await traceZip();
  scrubTraceZip(file, new SecretLiterals([PASSWORD]));
  const entries = await entriesOf(file);
  const all = Object.values(entries).join('\n');
  for (const [kind, secret] of Object.entries({ PASSWORD, SESSION, XSRF, TOKEN, decoded: decodeURIComponent(XSRF) }))
    expect(all.includes(secret), `${kind} still in the trace`).toBe(false);
  // The structure the trace viewer reads is kept: every line still an event, every body where it was.
  expect(Object.keys(entries).sort()).toEqual(Object.keys(await entriesOf(await traceZip())).sort());
  const [masked] = entries['1-trace.network']!.split('\n').map((line) => JSON.parse(line));
  expect(masked.snapshot.request.headers[0].value).toMatch(/^XSRF-TOKEN=«masked \d+ chars, sha256:\w{8}»; laravel/);
  expect(masked.snapshot.response.headers[0].value).toMatch(/; path=\/; httponly$/);
  expect(JSON.parse(entries['resources/login-body.json']!).email).toBe('a@b.test');
});

test('a password field is masked in DOM snapshots and page snapshots even when its value is a plain word', async () => {
  const file = await traceZip();
  // The bundled app's default password: "password" is also the field's type, which stays.
  scrubTraceZip(file, new SecretLiterals(['password']));
  const entries = await entriesOf(file);
  const [dom] = entries['1-trace.trace']!.split('\n').map((line) => JSON.parse(line));
  const [, , body] = dom.snapshot.html;
  expect(body[2]).toEqual(['INPUT', { type: 'password', __playwright_value_: expect.stringMatching(/^«masked 8/) }]);
  expect(entries['attachments/0123abcd']).toContain('- textbox "Password" [ref=e9]: «masked 8 chars');
  expect(entries['attachments/0123abcd']).toContain('- textbox "Email" [ref=e7]: a@b.test');
});

test('a page snapshot: a password-named textbox is masked, another holding a known secret too', () => {
  const secrets = new SecretLiterals([TOKEN]);
  const text = `- textbox "Mot de passe / Password" [ref=e3]: hunter2\n- textbox "API token" [ref=e4]: ${TOKEN}\n`;
  const masked = maskedPageSnapshot(text, secrets);
  expect(masked).not.toContain('hunter2');
  expect(masked).not.toContain(TOKEN);
  expect(masked).toContain('- textbox "API token" [ref=e4]: «masked');
});

test('a distinctive secret is masked in every spelling; a plain word only where it stands whole', () => {
  const secrets = new SecretLiterals([PASSWORD, 'password']);
  expect(secrets.maskedIn(`a=${encodeURIComponent(PASSWORD)} b=${JSON.stringify(PASSWORD)}`)).not.toContain('S3cret');
  expect(secrets.maskedIn('type="password"')).toBe('type="password"');
  expect(secrets.maskedWhole('password')).toMatch(/^«masked 8 chars/);
  expect(secrets.maskedQuoted('Fill "password"')).toMatch(/^Fill "«masked 8 chars/);
});
