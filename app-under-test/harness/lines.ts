// The PHP × Laravel lines the kit's own suite runs the bundled app on: the
// one list the settings, the docker images and the matrix projects read.

export const PHP_LINES = ['8.2', '8.4'] as const;
export const LARAVEL_LINES = ['12', '11'] as const;
export type PhpLine = (typeof PHP_LINES)[number];
export type LaravelLine = (typeof LARAVEL_LINES)[number];

/** Which PHP and Laravel the backend runs: a matrix line. */
export interface BackendLine {
  php: PhpLine;
  laravel: LaravelLine;
}

/** The Debian release whose own PHP is that line (the docker image's base). */
export const DEBIAN_SUITE_OF: Record<PhpLine, string> = { '8.2': 'bookworm', '8.4': 'trixie' };

export const ALL_BACKEND_LINES: BackendLine[] = PHP_LINES.flatMap((php) => LARAVEL_LINES.map((laravel) => ({ php, laravel })));

/** What the bundled app and this machine's PHP run natively. */
export const NATIVE_LINE: BackendLine = { php: '8.2', laravel: '12' };

export function describeLine(line: BackendLine): string {
  return `php${line.php} laravel${line.laravel}`;
}

export function sameLine(a: BackendLine, b: BackendLine): boolean {
  return a.php === b.php && a.laravel === b.laravel;
}
