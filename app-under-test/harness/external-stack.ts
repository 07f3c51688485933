import { describeExit, freePort, printed, startProcess, untilReady } from 'sanctum-spa-kit/driver';
import { projectDir } from './paths.ts';

export interface ExternalStack {
  apiUrl: string;
  spaUrl: string;
  /** The stack's own SQLite database, to look at its users table. */
  database: string;
  /** The process that runs the stack (`npm run dev`), whose tree holds both servers. */
  pid: number;
  stop(): Promise<void>;
}

/**
 * The bundled API and SPA started by hand (`npm run dev`, with `env` for the
 * app), as a stack the kit's fixtures did not start; resolves once both answer, bounded to 60 s.
 */
export async function startExternalStack(host: string, env: Record<string, string> = {}): Promise<ExternalStack> {
  const [apiPort, spaPort] = [await freePort(), await freePort()];
  const stack = startProcess({
    label: 'npm run dev',
    command: 'npx',
    args: ['tsx', 'scripts/dev.ts', `--api-port=${apiPort}`, `--spa-port=${spaPort}`],
    cwd: projectDir,
    env: { ...process.env, ...env },
  });
  // dev.ts prints its URLs once both servers listen.
  const outcome = await untilReady(printed(stack, 'Ctrl-C'), { timeoutMs: 60_000, process: stack });
  if (outcome.kind !== 'ready') {
    await stack.stop();
    const how = outcome.kind === 'exited' ? `exited (${describeExit(outcome.exit)})` : 'did not start within 60 s';
    throw new Error(`npm run dev ${how}:\n${stack.logTail(200)}`);
  }
  const database = /^DB\s+(\S+)/m.exec(stack.logTail(200))?.[1] ?? '';
  return {
    apiUrl: `http://${host}:${apiPort}`,
    spaUrl: `http://${host}:${spaPort}`,
    database,
    pid: stack.pid!,
    stop: () => stack.stop(),
  };
}
