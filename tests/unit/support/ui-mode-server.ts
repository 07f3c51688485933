import { spawn } from 'node:child_process';
import { killGroupIfAlive } from './test-processes.ts';

/**
 * `npx playwright test --ui-port=0 --ui-host=127.0.0.1` in `cwd`, detached
 * (its own process group): Playwright serves the UI and prints its address,
 * and runs the config's global setup when a page opens that address.
 */
export interface UiModeServer {
  /** Its process group (the npx process leads it). */
  group: number;
  /** stdout and stderr so far, interleaved. */
  output: () => string;
  /** Resolves with the first match of `pattern` in the output; rejects after `timeoutMs` or when it exits first. */
  waitForOutput: (pattern: RegExp, timeoutMs: number) => Promise<RegExpMatchArray>;
  /** SIGINT to the group (what Ctrl-C sends); resolves when its leader has exited, rejects after `timeoutMs`. */
  interrupt: (timeoutMs: number) => Promise<void>;
  /** SIGKILL to the group if its leader still runs: a test's cleanup. */
  kill: () => void;
}

export function startUiMode(cwd: string, env: NodeJS.ProcessEnv): UiModeServer {
  const child = spawn('npx', ['playwright', 'test', '--ui-port=0', '--ui-host=127.0.0.1'], {
    cwd,
    // Playwright hands the address to xdg-open, which starts $BROWSER with it: `true` opens nothing and ends at
    // once; the test opens the address with its own page.
    env: { ...env, BROWSER: 'true' },
    detached: true,
    // stdin stays open: Playwright's UI server exits when its stdin closes.
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  /** 'code 0', 'signal SIGINT', … once the leader has exited. */
  let exit: string | undefined;
  const listeners = new Set<() => void>();
  const notify = (): void => listeners.forEach((listener) => listener());
  child.stdout.on('data', (chunk: Buffer) => ((output += chunk.toString()), notify()));
  child.stderr.on('data', (chunk: Buffer) => ((output += chunk.toString()), notify()));
  child.on('exit', (code, signal) => ((exit = signal ? `signal ${signal}` : `code ${code}`), notify()));

  /** Settles when `check` gives a value (or an Error, to reject with), checked again on each output or exit. */
  function waitFor<T>(check: () => T | Error | undefined, timeoutMs: number, describe: () => string): Promise<T> {
    return new Promise((resolve, reject) => {
      const settle = (): void => {
        const value = check();
        if (value === undefined) return;
        done();
        if (value instanceof Error) reject(value);
        else resolve(value);
      };
      const timer = setTimeout(() => (done(), reject(new Error(`${describe()} after ${timeoutMs} ms`))), timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        listeners.delete(settle);
      };
      listeners.add(settle);
      settle();
    });
  }

  return {
    group: child.pid!,
    output: () => output,
    waitForOutput: (pattern, timeoutMs) =>
      waitFor(
        () => {
          const match = output.match(pattern);
          if (match) return match;
          if (exit !== undefined) return new Error(`UI mode exited (${exit}) before printing ${pattern}:\n${output}`);
          return undefined;
        },
        timeoutMs,
        () => `UI mode did not print ${pattern}; it printed:\n${output}\n`,
      ),
    interrupt: (timeoutMs) => {
      if (exit === undefined) process.kill(-child.pid!, 'SIGINT');
      return waitFor(
        () => exit,
        timeoutMs,
        () => `UI mode did not exit on SIGINT; it printed:\n${output}\n`,
      ).then(() => undefined);
    },
    kill: () => killGroupIfAlive(child.pid),
  };
}
