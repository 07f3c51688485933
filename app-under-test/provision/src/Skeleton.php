<?php

/** A line's laravel/laravel skeleton, as `composer create-project` makes it, ready for its locked dependencies. */
final class Skeleton
{
    /** Composer as root in containers and CI, without questions. */
    public const COMPOSER_ENV = ['COMPOSER_ALLOW_SUPERUSER' => '1', 'COMPOSER_NO_INTERACTION' => '1'];

    /**
     * The skeleton's files at $dir, without installing (its post-create
     * scripts need vendor/). On PHP below 8.3 laravel/pint leaves
     * require-dev: every pint release this registry holds needs PHP 8.3. The
     * lock is switched on for this project, since Composer may be set up
     * globally not to write one.
     */
    public static function create(string $version, string $dir): void
    {
        Tool::run(['composer', 'create-project', 'laravel/laravel', $dir, $version, '--no-install', '--no-scripts', '--no-interaction', '--quiet'], dirname($dir), self::COMPOSER_ENV);
        if (PHP_VERSION_ID < 80300) {
            Tool::run(['composer', 'remove', '--dev', 'laravel/pint', '--no-update', '--no-interaction'], $dir, self::COMPOSER_ENV);
        }
        Tool::run(['composer', 'config', 'lock', 'true'], $dir, self::COMPOSER_ENV);
    }

    /**
     * `php artisan breeze:install api` as its README says, with the .env and
     * key it needs; it requires laravel/sanctum itself.
     */
    public static function installBreezeApi(string $dir): void
    {
        if (! is_file("$dir/.env")) {
            copy("$dir/.env.example", "$dir/.env");
        }
        Tool::run(['php', 'artisan', 'key:generate', '--no-interaction'], $dir, self::COMPOSER_ENV);
        Tool::run(['php', 'artisan', 'breeze:install', 'api', '--no-interaction'], $dir, self::COMPOSER_ENV);
    }
}
