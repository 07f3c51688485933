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
        /** A laravel/framework constraint to install instead of composer.json's, e.g. ^11.0. */
        public readonly ?string $framework = null,
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
            if (! preg_match('/^--(spa-origin|api-url|user-email|user-password|framework)=(.*)$/s', $argument, $match)) {
                throw new ProvisionFailed("provision: unknown argument $argument\n"
                    .'  usage: provision.php [--spa-origin=URL] [--api-url=URL] [--user-email=E] [--user-password=P] [--framework=^11.0] [--force]');
            }
            $values[lcfirst(str_replace('-', '', ucwords($match[1], '-')))] = $match[2];
        }
        $options = new self(...$values);
        if ($options->framework !== null && ! preg_match('/^[\w.*^~<>=|, -]+$/', $options->framework)) {
            throw new ProvisionFailed("provision: --framework={$options->framework} is not a Composer constraint like ^11.0");
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
