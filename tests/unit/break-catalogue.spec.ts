import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { BREAK_CATALOGUE } from '../../fixtures/tools/breaks/catalogue.ts';
import { NotApplicable } from '../../fixtures/tools/breaks/edits.ts';
import {
  bootedConfig,
  changedFiles,
  changedLines,
  configChanges,
  copyBundledApp,
  filesOf,
  phpLint,
} from './support/laravel-app-copy.ts';

// Every break of the catalogue applied to a fresh copy of the bundled Laravel
// 12 app: it applies cleanly, touches only the file it names, changes only
// what its title says (the config Laravel then builds, or the code lines),
// and leaves PHP that parses. npm run test:breaks then runs the suite on each.

/**
 * What a break changes: code lines (trimmed; every other line stays), config keys Laravel then builds, or a file it
 * deletes (named by a pattern: provisioning stamps the migration with its own date). `needs`: what an app without it
 * is refused for, when that is not the file changed (a break that looks for its migration needs the folder).
 */
type ExpectedChange = { needs?: string } & (
  | { file: string; lines: { removed: string[]; added: string[] } }
  | { file: string; config: Record<string, [unknown, unknown]> }
  | { file: RegExp; deleted: true }
);

const USERS_MIGRATION = 'database/migrations/0001_01_01_000000_create_users_table.php';
const WITH_MIDDLEWARE = 'bootstrap/app.php';

const EXPECTED: Record<string, ExpectedChange> = {
  'stateful-without-port': {
    file: 'config/sanctum.php',
    config: { 'sanctum.stateful.0': ['localhost:5173', 'localhost'] },
  },
  'frontend-url-wrong': {
    file: 'config/cors.php',
    config: { 'cors.allowed_origins.0': ['http://localhost:5173', 'http://localhost:3000'] },
  },
  'supports-credentials-off': { file: 'config/cors.php', config: { 'cors.supports_credentials': [true, false] } },
  'session-driver-array': { file: '.env', config: { 'session.driver': ['database', 'array'] } },
  'session-domain-foreign': { file: '.env', config: { 'session.domain': [null, '.example.test'] } },
  'samesite-none-insecure': {
    file: '.env',
    config: { 'session.same_site': ['lax', 'none'], 'session.secure': [null, false] },
  },
  'http-only-off': { file: '.env', config: { 'session.http_only': [true, false] } },
  'app-debug-on': { file: 'config/app.php', config: { 'app.debug': [false, true] } },
  'stateful-middleware-missing': {
    file: 'bootstrap/app.php',
    lines: { removed: ['\\Laravel\\Sanctum\\Http\\Middleware\\EnsureFrontendRequestsAreStateful::class,'], added: [] },
  },
  'csrf-exempt-login': {
    file: 'bootstrap/app.php',
    lines: { removed: [], added: ["$middleware->validateCsrfTokens(except: ['login']);"] },
  },
  'logout-not-invalidated': {
    file: 'app/Http/Controllers/Auth/AuthenticatedSessionController.php',
    lines: { removed: ['$request->session()->invalidate();'], added: [] },
  },
  'password-not-hidden': { file: 'app/Models/User.php', lines: { removed: ["'password',"], added: [] } },
  'throttle-removed': {
    file: 'app/Http/Requests/Auth/LoginRequest.php',
    lines: { removed: ['$this->ensureIsNotRateLimited();'], added: [] },
  },
  'ability-alias-missing': {
    file: 'bootstrap/app.php',
    lines: { removed: ["'abilities' => \\Laravel\\Sanctum\\Http\\Middleware\\CheckAbilities::class,"], added: [] },
  },
  'has-api-tokens-missing': {
    file: 'app/Models/User.php',
    lines: { removed: ['use HasApiTokens, HasFactory, Notifiable;'], added: ['use HasFactory, Notifiable;'] },
  },
  'token-expiry-ignored': {
    file: 'app/Http/Controllers/Api/TokenController.php',
    lines: {
      removed: [
        "$expiresAt = $request->has('expires_in_minutes')" +
          " ? now()->addMinutes($request->integer('expires_in_minutes')) : null;",
      ],
      added: ['$expiresAt = null;'],
    },
  },
  'token-callback-ignores-expiry': {
    file: 'app/Providers/AppServiceProvider.php',
    lines: {
      removed: [],
      added: ['\\Laravel\\Sanctum\\Sanctum::authenticateAccessTokensUsing(fn ($token, bool $isValid) => true);'],
    },
  },
  // The new breaks: database.
  'sessions-table-missing': {
    file: USERS_MIGRATION,
    needs: 'database/migrations',
    lines: {
      // '});' first: the surplus of a repeated line is listed where the line first occurs.
      removed: [
        '});',
        "Schema::create('sessions', function (Blueprint $table) {",
        "$table->string('id')->primary();",
        "$table->foreignId('user_id')->nullable()->index();",
        "$table->string('ip_address', 45)->nullable();",
        "$table->text('user_agent')->nullable();",
        "$table->longText('payload');",
        "$table->integer('last_activity')->index();",
      ],
      added: [],
    },
  },
  'tokens-table-missing': {
    file: /^database\/migrations\/\d{4}_\d\d_\d\d_\d{6}_create_personal_access_tokens_table\.php$/,
    needs: 'database/migrations',
    deleted: true,
  },
  // Routes.
  'auth-routes-not-loaded': { file: 'routes/web.php', lines: { removed: ["require __DIR__.'/auth.php';"], added: [] } },
  'logout-route-get-only': {
    file: 'routes/auth.php',
    lines: {
      removed: ["Route::post('/logout', [AuthenticatedSessionController::class, 'destroy'])"],
      added: ["Route::get('/logout', [AuthenticatedSessionController::class, 'destroy'])"],
    },
  },
  'api-user-unguarded': {
    file: 'routes/api.php',
    lines: {
      removed: ["Route::middleware(['auth:sanctum'])->get('/user', function (Request $request) {"],
      added: ["Route::get('/user', function (Request $request) {"],
    },
  },
  'api-user-route-missing': {
    file: 'routes/api.php',
    lines: {
      removed: [
        "Route::middleware(['auth:sanctum'])->get('/user', function (Request $request) {",
        'return $request->user();',
        '});',
      ],
      added: [],
    },
  },
  'api-user-wrong-guard': {
    file: 'routes/api.php',
    lines: {
      removed: ["Route::middleware(['auth:sanctum'])->get('/user', function (Request $request) {"],
      added: ["Route::middleware(['auth:api'])->get('/user', function (Request $request) {"],
    },
  },
  // Middleware and cookie encryption.
  'session-middleware-removed': {
    file: WITH_MIDDLEWARE,
    lines: {
      removed: [],
      added: ['$middleware->web(remove: [\\Illuminate\\Session\\Middleware\\StartSession::class]);'],
    },
  },
  'xsrf-cookie-unencrypted': {
    file: WITH_MIDDLEWARE,
    lines: { removed: [], added: ["$middleware->encryptCookies(except: ['XSRF-TOKEN']);"] },
  },
  'encrypt-cookies-removed': {
    file: WITH_MIDDLEWARE,
    lines: {
      removed: [],
      added: ['$middleware->web(remove: [\\Illuminate\\Cookie\\Middleware\\EncryptCookies::class]);'],
    },
  },
  'cors-middleware-removed': {
    file: WITH_MIDDLEWARE,
    lines: { removed: [], added: ['$middleware->remove(\\Illuminate\\Http\\Middleware\\HandleCors::class);'] },
  },
  // The session cookie.
  'session-lifetime-zero': { file: '.env', config: { 'session.lifetime': [120, 0] } },
  'session-path-api': { file: '.env', config: { 'session.path': ['/', '/api'] } },
  'session-domain-other-host': { file: '.env', config: { 'session.domain': [null, '127.0.0.1'] } },
  // CORS.
  'cors-paths-without-login': {
    file: 'config/cors.php',
    config: { 'cors.paths.0': ['*', 'api/*'], 'cors.paths.1': [undefined, 'sanctum/csrf-cookie'] },
  },
  'cors-headers-without-xsrf': {
    file: 'config/cors.php',
    config: {
      'cors.allowed_headers.0': ['*', 'Content-Type'],
      'cors.allowed_headers.1': [undefined, 'Accept'],
      'cors.allowed_headers.2': [undefined, 'X-Requested-With'],
    },
  },
  'cors-paths-without-csrf-cookie': {
    file: 'config/cors.php',
    config: {
      'cors.paths.0': ['*', 'api/*'],
      'cors.paths.1': [undefined, 'login'],
      'cors.paths.2': [undefined, 'logout'],
    },
  },
  'cors-origin-trailing-slash': {
    file: 'config/cors.php',
    config: { 'cors.allowed_origins.0': ['http://localhost:5173', 'http://localhost:5173/'] },
  },
  // Guards and Sanctum.
  'sanctum-guard-empty': { file: 'config/sanctum.php', config: { 'sanctum.guard.0': ['web', undefined] } },
  'stateful-domains-other-host': {
    file: 'config/sanctum.php',
    config: { 'sanctum.stateful.0': ['localhost:5173', '127.0.0.1:5173'] },
  },
  // The app.
  'app-key-missing': { file: '.env', config: { 'app.key': [expect.stringMatching(/^base64:.{40,}$/), ''] } },
  'server-dies-on-login': {
    file: 'public/index.php',
    lines: {
      removed: [],
      added: [
        "if (($_SERVER['REQUEST_METHOD'] ?? '') === 'POST'" +
          " && parse_url($_SERVER['REQUEST_URI'] ?? '', PHP_URL_PATH) === '/login')" +
          ' { posix_kill(getmypid(), 9); }',
      ],
    },
  },
};

const editing = BREAK_CATALOGUE.filter((entry) => entry.apply);
const changing = <Kind extends 'lines' | 'config' | 'deleted'>(kind: Kind) =>
  editing.flatMap((entry) => {
    const expected = EXPECTED[entry.id];
    return kind in expected ? [{ entry, expected: expected as Extract<ExpectedChange, Record<Kind, unknown>> }] : [];
  });

const test = base.extend<{ app: string }>({
  app: async ({}, use, testInfo) => use(await copyBundledApp(testInfo.outputPath('app'))),
});

/** Applies the break to the copy; the files before and after. */
async function applied(apply: (sandbox: string) => Promise<void>, app: string) {
  const before = await filesOf(app);
  await apply(app);
  return { before, after: await filesOf(app) };
}

/** The untouched copy's config, booted once per worker: the same for every break. */
let untouchedConfig: Promise<Record<string, unknown>> | undefined;

test('every break that edits the app has its expected change listed here, and only those', () => {
  expect(editing.map((entry) => entry.id).sort()).toEqual(Object.keys(EXPECTED).sort());
});

for (const { entry, expected } of changing('lines')) {
  test(`${entry.id} (${entry.title}) changes only its lines in ${expected.file}; the PHP parses`, async ({ app }) => {
    const { before, after } = await applied(entry.apply!, app);
    expect(changedFiles(before, after), 'the one file it names').toEqual([expected.file]);
    expect(changedLines(before.get(expected.file)!, after.get(expected.file)!), 'the lines it changes').toEqual(
      expected.lines,
    );
    await phpLint(path.join(app, expected.file));
  });
}

for (const { entry, expected } of changing('config')) {
  const keys = Object.keys(expected.config).join(', ');

  test(`${entry.id} (${entry.title}) edits only ${expected.file}: Laravel builds only ${keys} otherwise`, async ({
    app,
  }, testInfo) => {
    const { before, after } = await applied(entry.apply!, app);
    expect(changedFiles(before, after), 'the one file it names').toEqual([expected.file]);
    untouchedConfig ??= copyBundledApp(testInfo.outputPath('untouched')).then(bootedConfig);
    expect(configChanges(await untouchedConfig, await bootedConfig(app)), 'what Laravel builds differently').toEqual(
      expected.config,
    );
  });
}

for (const { entry, expected } of changing('deleted')) {
  test(`${entry.id} (${entry.title}) deletes the one file ${expected.file}, nothing else`, async ({ app }) => {
    const { before, after } = await applied(entry.apply!, app);
    const changed = changedFiles(before, after);
    expect(changed, 'one file').toHaveLength(1);
    expect(changed[0], 'the file it names').toMatch(expected.file);
    expect(after.has(changed[0]), 'deleted').toBe(false);
  });
}

test('sessions-table-missing leaves the users and password_reset_tokens tables, and up() closes', async ({ app }) => {
  await BREAK_CATALOGUE.find((entry) => entry.id === 'sessions-table-missing')!.apply!(app);
  const migration = await readFile(path.join(app, USERS_MIGRATION), 'utf8');
  expect(migration.match(/Schema::create\('(\w+)'/g), 'the tables still created').toEqual([
    "Schema::create('users'",
    "Schema::create('password_reset_tokens'",
  ]);
  expect(migration, 'the last create, then the end of up()').toMatch(/\}\);\n {4}\}\n\n {4}\/\*\*/);
});

test('password-not-hidden takes password out of $hidden, not out of $fillable', async ({ app }) => {
  await BREAK_CATALOGUE.find((entry) => entry.id === 'password-not-hidden')!.apply!(app);
  const model = await readFile(path.join(app, 'app/Models/User.php'), 'utf8');
  const arrayOf = (name: string) => model.match(new RegExp(`\\$${name} = \\[([^\\]]*)\\]`))?.[1].match(/'\w+'/g);
  expect(arrayOf('hidden'), '$hidden').toEqual(["'remember_token'"]);
  expect(arrayOf('fillable'), '$fillable').toEqual(["'name'", "'email'", "'password'"]);
});

test('on a folder holding no Laravel app, each code or config break is NotApplicable', async ({}, testInfo) => {
  const empty = testInfo.outputPath('empty');
  await mkdir(empty, { recursive: true });
  const codeBreaks = editing.filter((entry) => EXPECTED[entry.id].file !== '.env');
  const needed = ({ id }: { id: string }) => EXPECTED[id].needs ?? EXPECTED[id].file;
  const refusals = await Promise.all(
    codeBreaks.map((entry) =>
      entry.apply!(empty).then(
        () => undefined,
        (error: Error) => error,
      ),
    ),
  );
  expect(
    refusals.map((refusal) => refusal instanceof NotApplicable && refusal.message),
    'each refused as not applicable, naming the file it needs',
  ).toEqual(codeBreaks.map((entry) => `${needed(entry)} does not exist`));
  expect(await readdir(empty), 'nothing written').toEqual([]);
});
