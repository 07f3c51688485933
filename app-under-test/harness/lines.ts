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

export const ALL_BACKEND_LINES: BackendLine[] = PHP_LINES.flatMap((php) =>
  LARAVEL_LINES.map((laravel) => ({ php, laravel })),
);

/** This machine's PHP (Debian bookworm's): the native backend runs either Laravel line on it. */
export const NATIVE_PHP_LINE: PhpLine = '8.2';

/** The line the bench times. */
export const DEFAULT_LINE: BackendLine = { php: NATIVE_PHP_LINE, laravel: '12' };

export function describeLine(line: BackendLine): string {
  return `php${line.php} laravel${line.laravel}`;
}

export function sameLine(a: BackendLine, b: BackendLine): boolean {
  return a.php === b.php && a.laravel === b.laravel;
}
