<?php

/**
 * Provisions one line's app under test at app-under-test/apps/laravel<line>:
 * the genuine laravel/laravel skeleton with its locked dependencies, Breeze's
 * API stack, the HasApiTokens step, the kit's overlay; then .env and the
 * database. Each step is skipped when its inputs are unchanged. One run at a
 * time per line: a second one waits for the first, then finds its work done.
 */
final class Provisioner
{
    private const BCRYPT_ROUNDS = '4';

    private Stamp $stamp;

    /** Hash of this provisioning code: a new recipe redoes every step. */
    private string $recipe;

    private string $root;

    private string $appDir;

    private string $lineDir;

    public function __construct(private Options $options)
    {
        $this->root = dirname(__DIR__, 2);
        $this->appDir = "$this->root/apps/laravel{$options->line}";
        $this->lineDir = "$this->root/lines/laravel{$options->line}";
        $this->recipe = Stamp::hashOf(dirname(__DIR__), ['provision.php', 'src']);
    }

    public function run(): void
    {
        $started = hrtime(true);
        Requirements::check();
        if (! is_dir("$this->root/apps")) {
            mkdir("$this->root/apps", 0777, true);
        }
        $lock = fopen("$this->root/apps/.laravel{$this->options->line}.lock", 'c');
        if (! flock($lock, LOCK_EX | LOCK_NB)) {
            echo "provision: another run is provisioning laravel{$this->options->line}; waiting for it\n";
            flock($lock, LOCK_EX);
        }
        // Read under the lock: a run that waited sees what the first one recorded.
        $this->stamp = new Stamp("$this->root/apps/.laravel{$this->options->line}.provisioned.json");
        $ran = array_filter([
            $this->step('app', $this->appInputs(...), "$this->appDir/vendor/autoload.php", $this->buildApp(...)),
            $this->step('.env', $this->envInputs(...), "$this->appDir/.env", $this->writeEnv(...)),
            $this->step('database', $this->databaseInputs(...), "$this->appDir/database/database.sqlite", $this->migrateAndSeed(...)),
        ]);
        flock($lock, LOCK_UN);
        printf("provision: laravel%s %s (%.2f s)\n", $this->options->line, $ran === [] ? 'up to date' : 'done', (hrtime(true) - $started) / 1e9);
    }

    /**
     * @param callable(): string $inputs hashed before, to decide, and after, to record
     *                                   (a step may rewrite its own inputs, as .env does)
     */
    private function step(string $name, callable $inputs, string $output, callable $action): bool
    {
        if (! $this->options->force && is_file($output) && $this->stamp->isCurrent($name, $this->recipe.$inputs())) {
            return false;
        }
        $this->stamp->forget($name);
        $started = hrtime(true);
        $action();
        $this->stamp->record($name, $this->recipe.$inputs());
        printf("provision: laravel%s %s (%.2f s)\n", $this->options->line, $name, (hrtime(true) - $started) / 1e9);

        return true;
    }

    private function appInputs(): string
    {
        return Stamp::hashOf($this->root, ["lines/laravel{$this->options->line}", 'overlay', '../fixtures/runtime/backend/laravel/app-facts.php'], [PHP_VERSION]);
    }

    /**
     * Built beside its final place and moved in whole, so an interrupted build
     * (Ctrl-C) never leaves a half app where the kit looks: the next run
     * builds again.
     */
    private function buildApp(): void
    {
        $building = "$this->root/apps/.laravel{$this->options->line}.building";
        Tool::run(['rm', '-rf', $building], $this->root);
        Skeleton::create(trim((string) file_get_contents("$this->lineDir/skeleton-version")), $building);
        $this->installLocked($building);
        Skeleton::installBreezeApi($building);
        // breeze:install api requires laravel/sanctum itself, which may re-resolve it: back to the lock.
        if (hash_file('sha256', "$building/composer.lock") !== hash_file('sha256', "$this->lineDir/composer.lock")) {
            echo "provision: breeze:install api changed composer.lock; reinstalling the locked versions\n";
            $this->installLocked($building);
        }
        ApiTokensStep::apply($building);
        Overlay::apply("$this->root/overlay", $building);
        TokenRoutesStep::apply($building);
        TokenExpiryStep::apply($building);
        AppChecks::verify($building, dirname($this->root).'/fixtures/runtime/backend/laravel/app-facts.php', json_decode((string) file_get_contents("$this->lineDir/expected.json"), true));
        $previous = "$this->root/apps/.laravel{$this->options->line}.previous";
        Tool::run(['rm', '-rf', $previous], $this->root);
        if (is_dir($this->appDir)) {
            rename($this->appDir, $previous);
        }
        rename($building, $this->appDir);
        Tool::run(['rm', '-rf', $previous], $this->root);
    }

    private function installLocked(string $dir): void
    {
        copy("$this->lineDir/composer.json", "$dir/composer.json");
        copy("$this->lineDir/composer.lock", "$dir/composer.lock");
        Tool::run(['composer', 'install', '--no-interaction', '--no-progress', '--prefer-dist'], $dir, Skeleton::COMPOSER_ENV);
    }

    private function envInputs(): string
    {
        $current = is_file("$this->appDir/.env") ? hash_file('sha256', "$this->appDir/.env") : '';

        return hash('sha256', implode("\0", [$current, $this->options->spaOrigin, $this->options->apiUrl]));
    }

    private function writeEnv(): void
    {
        $env = "$this->appDir/.env";
        EnvFile::ensure($env, "$this->appDir/.env.example");
        $key = EnvFile::get($env, 'APP_KEY');
        EnvFile::set($env, [
            'APP_KEY' => $key !== null && $key !== '' ? $key : 'base64:'.base64_encode(random_bytes(32)),
            // As staging runs: a 419 or a 500 must not answer with a stack trace and server paths.
            'APP_DEBUG' => 'false',
            'APP_URL' => $this->options->apiUrl,
            'FRONTEND_URL' => $this->options->spaOrigin,
            'SANCTUM_STATEFUL_DOMAINS' => $this->options->spaHostWithPort(),
            'SESSION_DRIVER' => 'database',
            'DB_CONNECTION' => 'sqlite',
            // As Laravel's own test setup (phpunit.xml) does: a login costs 1 ms of
            // hashing instead of 250 ms. Only timing changes, never the wire.
            'BCRYPT_ROUNDS' => self::BCRYPT_ROUNDS,
        ]);
    }

    private function databaseInputs(): string
    {
        return Stamp::hashOf(
            $this->appDir,
            ['database/migrations', 'database/seeders', 'database/factories', 'app/Models'],
            [$this->options->userEmail, $this->options->userPassword, self::BCRYPT_ROUNDS],
        );
    }

    private function migrateAndSeed(): void
    {
        $database = "$this->appDir/database/database.sqlite";
        if (! is_file($database)) {
            touch($database);
        }
        Tool::run(
            ['php', 'artisan', 'migrate:fresh', '--seed', '--force', '--no-interaction'],
            $this->appDir,
            ['DB_DATABASE' => $database, 'TEST_USER_EMAIL' => $this->options->userEmail, 'TEST_USER_PASSWORD' => $this->options->userPassword],
        );
    }
}
