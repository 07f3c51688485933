import { spawn } from 'node:child_process';
import { freePort } from 'sanctum-spa-kit/driver';
import { projectDir } from '../../app-under-test/harness/paths.ts';

export interface ExternalStack {
  apiUrl: string;
  spaUrl: string;
  /** The stack's own SQLite database, to look at its users table. */
  database: string;
  stop(): Promise<void>;
}

/**
 * The bundled API and SPA started by hand (`npm run dev`, with `env` for the
 * app), as a stack the kit's fixtures did not start; resolves once both answer, bounded to 60 s.
 */
export async function startExternalStack(host: string, env: Record<string, string> = {}): Promise<ExternalStack> {
  const [apiPort, spaPort] = [await freePort(), await freePort()];
  const child = spawn('npx', ['tsx', 'scripts/dev.ts', `--api-port=${apiPort}`, `--spa-port=${spaPort}`], {
    cwd: projectDir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
  };
  // dev.ts prints its URLs once both servers listen.
  await new Promise<void>((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`npm run dev did not start within 60 s:\n${output}`)), 60_000);
    child.stdout.on('data', () => {
      if (output.includes('Ctrl-C')) {
        clearTimeout(deadline);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(deadline);
      reject(new Error(`npm run dev exited (${code}):\n${output}`));
    });
  }).catch(async (error) => {
    await stop();
    throw error;
  });
  const database = /^DB\s+(\S+)/m.exec(output)?.[1] ?? '';
  return { apiUrl: `http://${host}:${apiPort}`, spaUrl: `http://${host}:${spaPort}`, database, stop };
}
