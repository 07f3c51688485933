import net from 'node:net';

/**
 * A loopback port standing in for a team's MySQL, Postgres, Redis and SMTP
 * servers: it counts every connection and closes it at once (so a client
 * fails fast instead of waiting for a handshake). A run that keeps the
 * team's services out of play leaves the count at zero.
 */
export interface Tripwire {
  port: number;
  connections(): number;
  close(): Promise<void>;
}

export async function startTripwire(): Promise<Tripwire> {
  let count = 0;
  const server = net.createServer((socket) => {
    count++;
    socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as net.AddressInfo).port,
    connections: () => count,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
