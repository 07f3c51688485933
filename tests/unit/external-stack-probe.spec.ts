import { test, expect } from '@playwright/test';
import { BackendStartError } from '../../fixtures/core/driver/backend-driver.ts';
import { prepareExternalStack, type ExternalSettings } from '../../fixtures/runtime/backend/external.ts';
import { freePort } from '../../fixtures/runtime/process/free-port.ts';
import { startLocalServer } from './support/local-server.ts';

// The global setup's probe of an external stack, against real sockets: a port nothing listens on
// (a free port), and a real server that listens but fails.

// Far beyond the test's own timeout: a probe that waited for it instead of failing at once fails the test.
// How long each refusal took is a figure in the report (annotations), never an assertion.
const READY_TIMEOUT_MS = 120_000;

function external(apiUrl: string, spaUrl: string, setBy?: Record<string, string>): ExternalSettings {
  return { backend: { external: { apiUrl, spaUrl } }, readyTimeoutMs: READY_TIMEOUT_MS, ...(setBy ? { setBy } : {}) };
}

/** The probe's failure and how long it took. */
async function probeFailure(settings: ExternalSettings): Promise<{ message: string; ms: number }> {
  const started = Date.now();
  const error = await prepareExternalStack(settings).then(
    () => undefined,
    (thrown: Error) => thrown,
  );
  expect(error, 'the probe accepted a stack it should refuse').toBeInstanceOf(BackendStartError);
  return { message: error!.message, ms: Date.now() - started };
}

test('an apiUrl nothing listens on fails within 2 s, naming the config key that set it', async () => {
  const spa = await startLocalServer();
  const apiUrl = `http://localhost:${await freePort()}`;
  try {
    const { message, ms } = await probeFailure(external(apiUrl, spa.origin));
    expect(message).toContain(`nothing listens on ${apiUrl} (backend.external.apiUrl)`);
    expect(message).not.toContain('KIT_API_URL');
    test.info().annotations.push({ type: 'refused after', description: `${ms} ms` });
  } finally {
    await spa.close();
  }
});

test('a refused origin set by a KIT_* variable is named by that variable and its file', async () => {
  const spaUrl = `http://localhost:${await freePort()}`;
  const settings = external('http://localhost:1', spaUrl, { 'backend.external.spaUrl': 'KIT_SPA_URL (from .env)' });
  const { message, ms } = await probeFailure(settings);
  expect(message).toContain(`nothing listens on ${spaUrl} (KIT_SPA_URL (from .env))`);
  test.info().annotations.push({ type: 'refused after', description: `${ms} ms` });
});

test('a server that listens but answers 500 is told apart from one that is not there', async () => {
  const spa = await startLocalServer();
  const api = await startLocalServer({
    '/sanctum/csrf-cookie': (_request, response) => void response.writeHead(500).end('boom'),
  });
  try {
    const { message } = await probeFailure({ ...external(api.origin, spa.origin), readyTimeoutMs: 1_500 });
    expect(message).toContain(`${api.origin} (backend.external.apiUrl) listens but did not answer`);
    expect(message).toContain('it answered 500');
    expect(message).not.toContain('nothing listens');
  } finally {
    await Promise.all([spa.close(), api.close()]);
  }
});

test('a port no client may fetch (fetch’s port blocking) fails at once, not after readyTimeoutMs', async () => {
  const { message, ms } = await probeFailure(external('http://localhost:8000', 'http://localhost:1'));
  expect(message).toContain(
    'http://localhost:1 (backend.external.spaUrl) cannot be reached: browsers and fetch refuse',
  );
  test.info().annotations.push({ type: 'refused after', description: `${ms} ms` });
});
