<?php

/** Runs composer and artisan, keeping their output for the failure report. */
final class Tool
{
    private const LINES_SHOWN = 25;

    public static function find(string $name): ?string
    {
        foreach (explode(PATH_SEPARATOR, (string) getenv('PATH')) as $dir) {
            if ($dir !== '' && is_executable("$dir/$name")) {
                return "$dir/$name";
            }
        }

        return null;
    }

    /**
     * @param list<string> $command
     * @param array<string, string> $env added to the inherited environment
     */
    public static function run(array $command, string $cwd, array $env = []): void
    {
        $process = proc_open(
            $command,
            [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['redirect', 1]],
            $pipes,
            $cwd,
            $env + getenv(),
        );
        if (! is_resource($process)) {
            throw new ProvisionFailed('provision: could not start '.$command[0]);
        }
        $output = stream_get_contents($pipes[1]);
        fclose($pipes[1]);
        $exitCode = proc_close($process);
        if ($exitCode !== 0) {
            throw new ProvisionFailed(sprintf(
                "provision: `%s` failed (exit %d). Its last lines:\n%s",
                implode(' ', $command),
                $exitCode,
                self::lastLines((string) $output),
            ));
        }
    }

    private static function lastLines(string $output): string
    {
        $plain = preg_replace('/\e\[[0-9;]*m/', '', $output);
        $lines = array_values(array_filter(explode("\n", $plain), fn ($line) => trim($line) !== ''));

        return '  | '.implode("\n  | ", array_slice($lines, -self::LINES_SHOWN));
    }
}
