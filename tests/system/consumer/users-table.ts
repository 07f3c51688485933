import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** Every row of a SQLite database's users table, read with PHP's PDO (no sqlite3 CLI needed). */
export async function usersRows(database: string): Promise<Record<string, unknown>[]> {
  const script =
    '$db = new PDO("sqlite:" . $argv[1]); echo json_encode($db->query("SELECT ' +
    '* FROM users ORDER BY id")->fetchAll(PDO::FETCH_ASSOC));';
  const { stdout } = await promisify(execFile)('php', ['-r', script, database]);
  return JSON.parse(stdout) as Record<string, unknown>[];
}

/** Adds a column to users, as teams do (the wire checks must not pin the user payload's keys). */
export async function addUsersColumn(database: string, column: string): Promise<void> {
  const script =
    '$db = new PDO("sqlite:" . $argv[1]); $db->exec("ALTER TABLE ' +
    `users ADD COLUMN ${column} TEXT DEFAULT 'added by the kit'");`;
  await promisify(execFile)('php', ['-r', script, database]);
}

/**
 * How two snapshots differ: rows added or removed, and changed columns per row.
 * remember_token is listed apart: Laravel's own logout rotates it for a user that had one.
 */
export function usersDifference(
  before: Record<string, unknown>[],
  after: Record<string, unknown>[],
): { changes: string[]; rememberTokenRotated: number } {
  const changes: string[] = [];
  let rememberTokenRotated = 0;
  if (after.length !== before.length) changes.push(`${before.length} rows before, ${after.length} after`);
  for (const row of after) {
    const old = before.find((candidate) => candidate.id === row.id);
    if (!old) {
      changes.push(`row added: id ${String(row.id)}, ${String(row.email)}`);
      continue;
    }
    for (const column of Object.keys(row)) {
      if (row[column] === old[column]) continue;
      if (column === 'remember_token') rememberTokenRotated++;
      else changes.push(`id ${String(row.id)}: ${column} changed`);
    }
  }
  return { changes, rememberTokenRotated };
}
