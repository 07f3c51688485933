<?php

// First autoloader that exists: an explicit one, the Laravel app's vendor
// (which installs this package with asm89/stack-cors and http-foundation),
// or a package-local vendor.
$candidates = array_filter([
    getenv('COMPOSER_AUTOLOAD') ?: null,
    __DIR__ . '/../../../vendor/autoload.php',
    __DIR__ . '/../vendor/autoload.php',
]);

foreach ($candidates as $candidate) {
    if (is_file($candidate)) {
        $loader = require $candidate;
        // Composer prepends its loader. When this runs under a PHPUnit that
        // is not from that vendor (e.g. the system's 9.6 against an app that
        // ships 11), PHPUnit's own classes must keep coming from PHPUnit.
        if ($loader instanceof \Composer\Autoload\ClassLoader) {
            $loader->unregister();
            $loader->register(false);
        }
        return;
    }
}

fwrite(STDERR, "No autoloader found: set COMPOSER_AUTOLOAD or run composer install.\n");
exit(1);
