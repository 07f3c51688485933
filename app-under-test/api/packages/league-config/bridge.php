<?php

// Loads League\Config classes from Debian's php-league-config package
// (apt-get install php-league-config). Its dependencies, nette/schema and
// dflydev/dot-access-data, come from Composer. Without the Debian package only
// Str::markdown fails, with "Class League\Config\... not found".

spl_autoload_register(static function (string $class): void {
    $prefix = 'League\\Config\\';
    if (strncmp($class, $prefix, strlen($prefix)) !== 0) {
        return;
    }
    $debianDir = getenv('LEAGUE_CONFIG_DIR') ?: '/usr/share/php/League/Config';
    $file = $debianDir.'/'.str_replace('\\', '/', substr($class, strlen($prefix))).'.php';
    if (is_file($file)) {
        require $file;
    }
});
