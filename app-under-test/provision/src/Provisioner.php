<?php

/** The provisioning steps, each skipped when its inputs are unchanged. */
final class Provisioner
{
    private const BCRYPT_ROUNDS = '4';

    private Stamp $stamp;

    /** Hash of this provisioning code: a new recipe redoes every step. */
    private string $recipe;

    public function __construct(private string $apiDir, private Options $options)
    {
        $this->stamp = new Stamp("$apiDir/.provisioned.json");
        $this->recipe = Stamp::hashOf(dirname(__DIR__), ['provision.php', 'src']);
    }

    public function run(): void
    {
        $started = hrtime(true);
        Requirements::check();
        if ($this->options->framework !== null) {
            FrameworkConstraint::pin("$this->apiDir/composer.json", $this->options->framework);
        }
        $ran = array_filter([
            $this->step('composer install', $this->composerInputs(...), "$this->apiDir/vendor/autoload.php", $this->composerInstall(...)),
            $this->step('.env', $this->envInputs(...), "$this->apiDir/.env", $this->writeEnv(...)),
            $this->step('database', $this->databaseInputs(...), "$this->apiDir/database/database.sqlite", $this->migrateAndSeed(...)),
        ]);
        printf("provision: %s (%.2f s)\n", $ran === [] ? 'up to date' : 'done', (hrtime(true) - $started) / 1e9);
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
        printf("provision: %s (%.2f s)\n", $name, (hrtime(true) - $started) / 1e9);

        return true;
    }

    private function composerInputs(): string
    {
        return Stamp::hashOf($this->apiDir, ['composer.json', 'packages'], [PHP_VERSION]);
    }

    private function envInputs(): string
    {
        $current = is_file("$this->apiDir/.env") ? hash_file('sha256', "$this->apiDir/.env") : '';

        return Stamp::hashOf($this->apiDir, ['.env.example'], [$current, $this->options->spaOrigin, $this->options->apiUrl]);
    }

    private function databaseInputs(): string
    {
        return Stamp::hashOf(
            $this->apiDir,
            ['database/migrations', 'database/seeders', 'database/factories', 'app/Models'],
            [$this->options->userEmail, $this->options->userPassword, self::BCRYPT_ROUNDS],
        );
    }

    private function composerInstall(): void
    {
        Tool::run(
            ['composer', 'install', '--no-interaction', '--no-progress', '--prefer-dist'],
            $this->apiDir,
            ['COMPOSER_ALLOW_SUPERUSER' => '1'],
        );
    }

    private function writeEnv(): void
    {
        $env = "$this->apiDir/.env";
        EnvFile::ensure($env, "$this->apiDir/.env.example");
        $key = EnvFile::get($env, 'APP_KEY');
        EnvFile::set($env, [
            'APP_KEY' => $key !== null && $key !== '' ? $key : 'base64:'.base64_encode(random_bytes(32)),
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

    private function migrateAndSeed(): void
    {
        $database = "$this->apiDir/database/database.sqlite";
        if (! is_file($database)) {
            touch($database);
        }
        Tool::run(
            ['php', 'artisan', 'migrate:fresh', '--seed', '--force', '--no-interaction'],
            $this->apiDir,
            ['DB_DATABASE' => $database, 'TEST_USER_EMAIL' => $this->options->userEmail, 'TEST_USER_PASSWORD' => $this->options->userPassword],
        );
    }
}
