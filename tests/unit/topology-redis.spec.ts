import net from 'node:net';
import { test, expect } from '@playwright/test';
import { apiListening } from '../../fixtures/runtime/process/api-probe.ts';
import { startRedis } from '../../fixtures/runtime/topology/redis-server.ts';

// The replicas topology's shared Redis: Debian's redis-server on a free
// loopback port, in memory only, gone after stop().

/** Sends Redis inline commands, then QUIT: everything the server answered, once it closes the connection. */
function askRedis(port: number, ...commands: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = net.connect(port, '127.0.0.1', () => socket.write([...commands, 'QUIT', ''].join('\r\n')));
    socket.on('data', (chunk) => (answer += chunk));
    socket.once('close', () => resolve(answer));
    socket.once('error', reject);
  });
}

test('redis-server answers on 127.0.0.1, keeps nothing on disk, and is gone after stop()', async () => {
  const redis = await startRedis(10_000);
  try {
    const answer = await askRedis(redis.port, 'PING', 'CONFIG GET save', 'CONFIG GET appendonly', 'CONFIG GET bind');
    expect(answer, 'it answers').toContain('+PONG\r\n');
    expect(answer, 'no snapshot').toContain('$4\r\nsave\r\n$0\r\n\r\n');
    expect(answer, 'no append-only file').toContain('$10\r\nappendonly\r\n$2\r\nno\r\n');
    expect(answer, 'loopback only').toContain('$4\r\nbind\r\n$9\r\n127.0.0.1\r\n');
  } finally {
    await redis.stop();
  }
  expect(await apiListening(`http://127.0.0.1:${redis.port}`), 'stopped').toBe(false);
});
