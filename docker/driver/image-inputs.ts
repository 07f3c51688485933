import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { projectDir } from '../../app-under-test/harness/paths.ts';
import { DockerIgnore } from './dockerignore.ts';

/** The API image's recipe and the rules for what of the repository its build sees. */
export const apiDockerfile = path.join(projectDir, 'docker', 'api.Dockerfile');
const apiDockerignore = `${apiDockerfile}.dockerignore`;

/**
 * sha256 of everything an API image is built from: the files the build
 * context holds (the repository as api.Dockerfile.dockerignore cuts it down,
 * read with the same rules), each with its path and executable bit, the
 * Dockerfile and the build arguments. Equal hashes, equal images: what native
 * runs write (vendor, .env, the database, logs) is outside the context and
 * never triggers a rebuild.
 */
export async function apiImageInputsHash(buildArgs: Record<string, string>): Promise<string> {
  const ignore = await DockerIgnore.read(apiDockerignore);
  const hash = createHash('sha256');
  for (const file of await contextFiles(ignore, '')) {
    const absolute = path.join(projectDir, file);
    const executable = ((await stat(absolute)).mode & 0o111) !== 0;
    hash
      .update(`${file}\0${executable ? 'x' : '-'}\0`)
      .update(await readFile(absolute))
      .update('\0');
  }
  hash
    .update(await readFile(apiDockerfile))
    .update('\0')
    .update(await readFile(apiDockerignore))
    .update('\0');
  hash.update(JSON.stringify(Object.entries(buildArgs).sort()));
  return hash.digest('hex');
}

/** Files of the build context under a folder, sorted; skips folders nothing is taken from. */
async function contextFiles(ignore: DockerIgnore, folder: string): Promise<string[]> {
  const entries = await readdir(path.join(projectDir, folder), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const relative = folder === '' ? entry.name : `${folder}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!ignore.canSkipFolder(relative)) files.push(...(await contextFiles(ignore, relative)));
    } else if (entry.isFile() && !ignore.excludes(relative)) {
      files.push(relative);
    }
  }
  return files;
}
