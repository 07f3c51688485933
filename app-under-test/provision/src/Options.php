<?php

/** Command-line options of provision.php, validated. */
final class Options
{
    public function __construct(
        public readonly string $spaOrigin = 'http://localhost:5173',
        public readonly string $apiUrl = 'http://localhost:8000',
        public readonly string $userEmail = 'test@example.com',
        public readonly string $userPassword = 'password',
        public readonly bool $force = false,
        /** The Laravel line: app-under-test/lines/laravel<line> holds its skeleton version and locked dependencies. */
        public readonly string $line = '12',
    ) {
    }

    /** @param list<string> $argv */
    public static function fromArgv(array $argv): self
    {
        $values = [];
        foreach (array_slice($argv, 1) as $argument) {
            if ($argument === '--force') {
                $values['force'] = true;
                continue;
            }
            if (! preg_match('/^--(spa-origin|api-url|user-email|user-password|line)=(.*)$/s', $argument, $match)) {
                throw new ProvisionFailed("provision: unknown argument $argument\n"
                    .'  usage: provision.php [--spa-origin=URL] [--api-url=URL] [--user-email=E] [--user-password=P] [--line=12|11] [--force]');
            }
            $values[lcfirst(str_replace('-', '', ucwords($match[1], '-')))] = $match[2];
        }
        $options = new self(...$values);
        if (! preg_match('/^\d+$/', $options->line) || ! is_dir(dirname(__DIR__, 2)."/lines/laravel{$options->line}")) {
            $lines = implode(', ', array_map(fn ($dir) => substr(basename($dir), 7), glob(dirname(__DIR__, 2).'/lines/laravel*', GLOB_ONLYDIR)));
            throw new ProvisionFailed("provision: --line={$options->line}: no such line; the lines are $lines (app-under-test/lines/)");
        }
        foreach (['spaOrigin' => '--spa-origin', 'apiUrl' => '--api-url'] as $property => $flag) {
            $url = parse_url($options->$property);
            if (! isset($url['scheme'], $url['host']) || isset($url['path']) && $url['path'] !== '') {
                throw new ProvisionFailed("provision: $flag={$options->$property} is not an origin like http://localhost:5173");
            }
        }

        return $options;
    }

    /** The host:port Sanctum must treat as stateful: the SPA origin's, port included. */
    public function spaHostWithPort(): string
    {
        $url = parse_url($this->spaOrigin);

        return $url['host'].(isset($url['port']) ? ':'.$url['port'] : '');
    }
}
