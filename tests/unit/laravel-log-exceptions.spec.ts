import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { loggedExceptions } from '../../fixtures/runtime/backend/laravel-log.ts';

// The log records a diagnosis quotes, read from real output of a throwaway
// copy of the bundled app (samples/laravel-log-*.log): php -S with the app
// logging to stderr, as the kit runs it, and storage/logs/laravel.log.

const sample = (name: string) => readFileSync(new URL(`samples/laravel-log-${name}.log`, import.meta.url), 'utf8');

test('a missing sessions table is one ERROR: the query exception, without its stack trace', () => {
  expect(loggedExceptions(sample('php-server-no-sessions-table'))).toEqual([
    {
      level: 'ERROR',
      message:
        'SQLSTATE[HY000]: General error: 1 no such table: sessions (Connection: sqlite, Database: ' +
        '/tmp/logbox-empty.sqlite, SQL: select * from "sessions" where "id" = ' +
        'ha11xOGEJlRhs0gbN9LbmfWc5LnOB9Ewx9PH6gVx limit 1)',
      exceptionClass: 'Illuminate\\Database\\QueryException',
    },
  ]);
});

test('each record counts: an app without APP_KEY logs its exception twice in one request', () => {
  const logged = loggedExceptions(sample('php-server-no-app-key'));
  expect(logged).toHaveLength(2);
  for (const entry of logged) {
    expect(entry).toEqual({
      level: 'ERROR',
      message: 'No application encryption key has been specified.',
      exceptionClass: 'Illuminate\\Encryption\\MissingAppKeyException',
    });
  }
});

test("the built-in server's request lines end a record; INFO is left out, WARNING and above kept", () => {
  const logged = loggedExceptions(sample('php-server-requests'));
  expect(logged.map((entry) => entry.level)).toEqual(['ERROR', 'WARNING', 'ERROR', 'CRITICAL', 'ERROR']);
  expect(logged.map((entry) => entry.exceptionClass)).toEqual([
    'Illuminate\\Database\\QueryException',
    undefined,
    'RuntimeException',
    undefined,
    'InvalidArgumentException',
  ]);
  expect(logged.at(-1)?.message).toBe('Auth guard [api] is not defined.');
  for (const entry of logged) expect(entry.message).not.toMatch(/\[stacktrace\]|Closing|Accepted/);
});

test('a message keeps its lines and loses its context', () => {
  const [, warning, error, critical] = loggedExceptions(sample('php-server-requests'));
  expect(warning.message).toBe('Session read took 512 ms\nwhile the store was busy');
  expect(error.message).toBe('The session store answered:\nconnection refused');
  expect(critical.message).toBe('Session store down');
});

test('a long message is cut to 300 characters', () => {
  const [query] = loggedExceptions(sample('php-server-requests'));
  expect(query.message).toHaveLength(300);
  expect(query.message).toMatch(/^SQLSTATE\[HY000\]: General error: 1 no such table: audit_entries .*…$/s);
});

test('storage/logs/laravel.log reads the same way', () => {
  expect(loggedExceptions(sample('storage-file'))).toEqual([
    expect.objectContaining({ level: 'ERROR', exceptionClass: 'Illuminate\\Database\\QueryException' }),
    { level: 'WARNING', message: 'Session read took 512 ms\nwhile the store was busy' },
    expect.objectContaining({ level: 'ERROR', exceptionClass: 'RuntimeException' }),
    { level: 'CRITICAL', message: 'Session store down' },
    expect.objectContaining({ level: 'ERROR', message: 'Auth guard [api] is not defined.' }),
  ]);
});

test('a log with no records, or only php -S lines, has nothing to report', () => {
  expect(loggedExceptions('')).toEqual([]);
  expect(loggedExceptions(sample('php-server-no-app-key').split('\n').slice(0, 3).join('\n'))).toEqual([]);
});
