<?php

// Refreshes the locked versions of every line (app-under-test/lines/laravel*/):
// the line's laravel/laravel skeleton, created as `composer create-project`
// creates it, then `composer require laravel/breeze --dev` and `php artisan
// breeze:install api` (which requires laravel/sanctum), resolved anew against
// the registry; the resulting composer.json and composer.lock replace the
// committed ones, and what moved is printed. Provisioning installs from them.
//
//   php app-under-test/provision/refresh-locks.php [--line=12]

require __DIR__.'/src/ProvisionFailed.php';
require __DIR__.'/src/Tool.php';
require __DIR__.'/src/Skeleton.php';
require __DIR__.'/src/LockedVersions.php';

$only = null;
foreach (array_slice($argv, 1) as $argument) {
    if (! preg_match('/^--line=(\d+)$/', $argument, $match)) {
        fwrite(STDERR, "usage: refresh-locks.php [--line=12]\n");
        exit(2);
    }
    $only = $match[1];
}

try {
    foreach (glob(dirname(__DIR__).'/lines/laravel*', GLOB_ONLYDIR) as $lineDir) {
        $line = substr(basename($lineDir), strlen('laravel'));
        if ($only !== null && $line !== $only) {
            continue;
        }
        $before = LockedVersions::read("$lineDir/composer.lock");
        $work = sys_get_temp_dir().'/sanctum-kit-refresh-'.getmypid()."-$line";
        Skeleton::create(trim(file_get_contents("$lineDir/skeleton-version")), $work);
        Tool::run(['composer', 'require', 'laravel/breeze', '--dev', '--no-interaction', '--no-progress'], $work, Skeleton::COMPOSER_ENV);
        Skeleton::installBreezeApi($work);
        copy("$work/composer.json", "$lineDir/composer.json");
        copy("$work/composer.lock", "$lineDir/composer.lock");
        Tool::run(['rm', '-rf', $work], sys_get_temp_dir());
        $moved = LockedVersions::diff($before, LockedVersions::read("$lineDir/composer.lock"));
        echo "laravel$line: ".($moved === [] ? 'nothing moved' : "\n  ".implode("\n  ", $moved))."\n";
    }
} catch (ProvisionFailed $failure) {
    fwrite(STDERR, $failure->getMessage()."\n");
    exit(1);
}
