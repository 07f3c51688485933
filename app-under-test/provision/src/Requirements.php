<?php

/** The PHP extensions Laravel + SQLite need, with the Debian package providing each. */
final class Requirements
{
    private const EXTENSIONS = [
        'pdo_sqlite' => 'sqlite3',
        'mbstring' => 'mbstring',
        'dom' => 'xml',
        'xml' => 'xml',
        'curl' => 'curl',
    ];

    public static function check(): void
    {
        $missing = [];
        foreach (self::EXTENSIONS as $extension => $debianSuffix) {
            if (! extension_loaded($extension)) {
                $missing[$extension] = sprintf('php%d.%d-%s', PHP_MAJOR_VERSION, PHP_MINOR_VERSION, $debianSuffix);
            }
        }
        if ($missing !== []) {
            throw new ProvisionFailed(sprintf(
                "provision: PHP %s lacks the extension%s %s.\n  fix: apt-get install %s",
                PHP_VERSION,
                count($missing) > 1 ? 's' : '',
                implode(', ', array_keys($missing)),
                implode(' ', array_unique($missing)),
            ));
        }
        if (Tool::find('composer') === null) {
            throw new ProvisionFailed("provision: composer is not on PATH.\n  fix: apt-get install composer");
        }
    }
}
