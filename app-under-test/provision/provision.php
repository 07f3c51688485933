<?php

// Provisions app-under-test/api: requirements, composer install, .env, SQLite
// database (migrated and seeded). Idempotent: each step runs only when its
// inputs changed since the last success (stamp in api/.provisioned.json).
//
//   php provision.php [--spa-origin=URL] [--api-url=URL] [--user-email=E]
//                     [--user-password=P] [--framework=^11.0] [--force]
//
// The same script provisions the native backend and the container image.
// --framework rewrites composer.json's laravel/framework constraint first (the
// image's Laravel-line switch).

if (PHP_VERSION_ID < 80200) {
    fwrite(STDERR, 'provision: PHP 8.2 or newer is needed, this is PHP '.PHP_VERSION.".\n"
        ."  fix: apt-get install php8.2-cli (or point PATH at a newer php)\n");
    exit(1);
}

require __DIR__.'/src/ProvisionFailed.php';
require __DIR__.'/src/Requirements.php';
require __DIR__.'/src/Tool.php';
require __DIR__.'/src/Stamp.php';
require __DIR__.'/src/EnvFile.php';
require __DIR__.'/src/Options.php';
require __DIR__.'/src/FrameworkConstraint.php';
require __DIR__.'/src/Provisioner.php';

try {
    $options = Options::fromArgv($argv);
    $provisioner = new Provisioner(dirname(__DIR__).'/api', $options);
    $provisioner->run();
} catch (ProvisionFailed $failure) {
    fwrite(STDERR, $failure->getMessage()."\n");
    exit(1);
}
