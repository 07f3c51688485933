import { test, expect } from '@playwright/test';
import {
  apiHostOf,
  hostResolverRules,
  spaHostOf,
  topologyAppEnv,
  topologyHosts,
} from '../../fixtures/core/topology/https-topology.ts';
import { replicaCount } from '../../fixtures/core/topology/replicas-topology.ts';

// The names a topology gives the stack, and what the app and Chromium are told about them.

test('the https topology names api.<domain> and app.<domain>, each once', () => {
  const topology = { domain: 'example.test' };
  expect([apiHostOf(topology), spaHostOf(topology)]).toEqual(['api.example.test', 'app.example.test']);
  expect(topologyHosts(topology)).toEqual(['api.example.test', 'app.example.test']);
  expect(
    topologyHosts({ domain: 'example.test', spaHost: 'api.example.test' }),
    'a name shared is listed once',
  ).toEqual(['api.example.test']);
});

test("a twin's SPA host on another registrable domain replaces app.<domain>", () => {
  expect(topologyHosts({ domain: 'example.test', spaHost: 'app.other.test' })).toEqual([
    'api.example.test',
    'app.other.test',
  ]);
});

test('the app is told cookies for the whole domain, Secure', () => {
  expect(topologyAppEnv({ domain: 'example.test' })).toEqual({
    SESSION_DOMAIN: '.example.test',
    SESSION_SECURE_COOKIE: 'true',
  });
});

test('Chromium resolves every topology host to loopback by its own rules, never /etc/hosts', () => {
  expect(hostResolverRules(['api.example.test', 'app.example.test'])).toBe(
    '--host-resolver-rules=MAP api.example.test 127.0.0.1, MAP app.example.test 127.0.0.1',
  );
});

test('the replicas topology runs two replicas unless told how many', () => {
  expect(replicaCount({})).toBe(2);
  expect(replicaCount({ count: 3 })).toBe(3);
});
