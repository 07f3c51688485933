import { X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FullConfig } from '@playwright/test';
import { test as base, expect } from '@playwright/test';
import type { HttpsTopology } from '../../fixtures/core/topology/https-topology.ts';
import { prepareTopologies } from '../../fixtures/runtime/topology/prepare-topologies.ts';

// The run's one-time preparation for the https topology: a CA and one
// certificate for every project's hosts, trusted by the workers' Node.

const VARIABLES = ['SANCTUM_KIT_RUN_TLS_DIR', 'NODE_EXTRA_CA_CERTS'] as const;

/** The run's TLS folder for this test, and the variables prepareTopologies sets, restored afterwards. */
const test = base.extend<{ runTls: string }>({
  runTls: async ({}, use, testInfo) => {
    const before = VARIABLES.map((name) => process.env[name]);
    process.env.SANCTUM_KIT_RUN_TLS_DIR = testInfo.outputPath('run-tls');
    delete process.env.NODE_EXTRA_CA_CERTS;
    await use(process.env.SANCTUM_KIT_RUN_TLS_DIR);
    for (const [index, name] of VARIABLES.entries()) {
      if (before[index] === undefined) delete process.env[name];
      else process.env[name] = before[index];
    }
  },
});

/** A FullConfig holding only what prepareTopologies reads: each project's sanctum.topology. */
function configWith(...topologies: (HttpsTopology | undefined)[]): FullConfig {
  const projects = topologies.map((https) => ({ use: { sanctum: { topology: https && { https } } } }));
  return { projects } as unknown as FullConfig;
}

test('without an https topology in any project it makes nothing and trusts nothing new', async ({ runTls }) => {
  expect(await prepareTopologies(configWith(undefined, undefined))).toBeUndefined();
  expect(existsSync(runTls), 'no TLS folder').toBe(false);
  expect(process.env.NODE_EXTRA_CA_CERTS, 'no CA for the workers').toBeUndefined();
});

test("one certificate covers every project's hosts, signed by a CA the workers trust; the teardown removes it", async ({
  runTls,
}) => {
  const teardown = await prepareTopologies(
    configWith({ domain: 'example.test' }, undefined, { domain: 'example.test', spaHost: 'app.other.test' }),
  );
  const ca = new X509Certificate(await readFile(path.join(runTls, 'ca', 'rootCA.pem')));
  const certificate = new X509Certificate(await readFile(path.join(runTls, 'cert.pem')));
  expect(certificate.subjectAltName, 'each host once').toBe(
    'DNS:api.example.test, DNS:app.example.test, DNS:app.other.test',
  );
  expect(certificate.checkIssued(ca) && certificate.verify(ca.publicKey), "signed by the run's CA").toBe(true);
  expect(process.env.NODE_EXTRA_CA_CERTS, "the workers' Node trusts the CA").toBe(
    path.join(runTls, 'ca', 'rootCA.pem'),
  );
  expect(existsSync(path.join(runTls, 'browser-home', '.pki', 'nssdb', 'cert9.db')), "Chromium's trust store").toBe(
    true,
  );
  await teardown!();
  expect(existsSync(runTls), 'removed by the teardown').toBe(false);
});
