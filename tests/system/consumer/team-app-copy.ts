import { cp } from 'node:fs/promises';

/**
 * A copy of the provisioned bundled app as a team's own app: without the provisioning stamp and the logs earlier runs
 * left.
 */
export async function copyAsTeamApp(sourceAppDir: string, target: string): Promise<void> {
  await cp(sourceAppDir, target, {
    recursive: true,
    filter: (source) => !/\/(\.provisioned\.json|storage\/logs\/.+)$/.test(source),
  });
}
