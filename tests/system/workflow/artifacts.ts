import { cp, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { runCacheDir } from '../../../app-under-test/harness/paths.ts';

/** Where this machine keeps the "uploaded" artifacts, one folder per artifact name, as GitHub would store them. */
const artifactStore = path.join(runCacheDir, 'workflow-artifacts');

export async function emptyArtifactStore(): Promise<void> {
  await rm(artifactStore, { recursive: true, force: true });
}

/**
 * upload-artifact: what a runner's `path` holds once its tests ended, kept under the artifact's name (a folder's
 * contents, relative to it, as the action stores them). False when the path holds nothing.
 */
export async function uploadArtifact(repositoryDir: string, uploadPath: string, name: string): Promise<boolean> {
  const source = path.join(repositoryDir, uploadPath);
  const held = await readdir(source).catch(() => []);
  if (held.length === 0) return false;
  await cp(source, path.join(artifactStore, name), { recursive: true });
  return true;
}

/**
 * download-artifact with merge-multiple: every artifact's files side by side in one folder (a file of the same
 * name in two artifacts: the later one wins, as on GitHub). Returns the zip files the folder then holds.
 */
export async function downloadArtifacts(names: string[], repositoryDir: string, downloadPath: string) {
  const target = path.join(repositoryDir, downloadPath);
  await rm(target, { recursive: true, force: true });
  await mkdir(target, { recursive: true });
  for (const name of names) await cp(path.join(artifactStore, name), target, { recursive: true });
  const files = await readdir(target, { recursive: true });
  return files.filter((file) => file.endsWith('.zip')).sort();
}
