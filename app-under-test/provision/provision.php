<?php

// Provisions one line's app under test at app-under-test/apps/laravel<line>
// from the real installers: `composer create-project laravel/laravel` at the
// line's skeleton version, its locked dependencies (lines/laravel<line>/),
// `php artisan breeze:install api`, HasApiTokens, the kit's overlay; then .env
// and the SQLite database (migrated and seeded). Idempotent: each step runs
// only when its inputs changed (stamp in apps/.laravel<line>.provisioned.json).
//
//   php provision.php [--line=12|11] [--spa-origin=URL] [--api-url=URL]
//                     [--user-email=E] [--user-password=P] [--force]
//
// The same script provisions the native backend and the container images.

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
require __DIR__.'/src/Skeleton.php';
require __DIR__.'/src/ApiTokensStep.php';
require __DIR__.'/src/TokenRoutesStep.php';
require __DIR__.'/src/TokenExpiryStep.php';
require __DIR__.'/src/Overlay.php';
require __DIR__.'/src/AppChecks.php';
require __DIR__.'/src/Provisioner.php';

try {
    $options = Options::fromArgv($argv);
    $provisioner = new Provisioner($options);
    $provisioner->run();
} catch (ProvisionFailed $failure) {
    fwrite(STDERR, $failure->getMessage()."\n");
    exit(1);
}
