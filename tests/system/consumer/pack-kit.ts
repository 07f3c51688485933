import { execFile } from 'node:child_process';
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectDir, runCacheDir } from '../../../app-under-test/harness/paths.ts';

/** Where the kit's tarball lands under a stable name: examples/consumer depends on this path. */
const packedKit = path.join(runCacheDir, 'pack', 'sanctum-spa-kit.tgz');

/** `npm pack` of the kit (its prepack builds dist/ with tsup), as a consumer would install it. */
export async function packKit(): Promise<string> {
  await mkdir(path.dirname(packedKit), { recursive: true });
  const { stdout } = await promisify(execFile)(
    'npm',
    ['pack', '--silent', '--pack-destination', path.dirname(packedKit)],
    { cwd: projectDir },
  );
  const tarball = stdout.trim().split('\n').at(-1)!;
  await rename(path.join(path.dirname(packedKit), tarball), packedKit);
  return packedKit;
}
