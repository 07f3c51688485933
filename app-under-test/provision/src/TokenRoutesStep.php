<?php

/**
 * Wires the overlay's token routes into the installed app: routes/api.php
 * requires routes/tokens.php, and bootstrap/app.php aliases Sanctum's
 * ability middleware (abilities, ability), which no installer registers.
 */
final class TokenRoutesStep
{
    public static function apply(string $appDir): void
    {
        $api = "$appDir/routes/api.php";
        $routes = (string) file_get_contents($api);
        if (! str_contains($routes, 'tokens.php')) {
            file_put_contents($api, rtrim($routes)."\n\nrequire __DIR__.'/tokens.php';\n");
        }

        $bootstrap = "$appDir/bootstrap/app.php";
        $source = (string) file_get_contents($bootstrap);
        if (str_contains($source, 'CheckAbilities')) {
            return;
        }
        $aliased = preg_replace(
            '/^(\s+)(\'verified\' => \\\\App\\\\Http\\\\Middleware\\\\EnsureEmailIsVerified::class,)$/m',
            "$1$2\n$1'abilities' => \\Laravel\\Sanctum\\Http\\Middleware\\CheckAbilities::class,\n$1'ability' => \\Laravel\\Sanctum\\Http\\Middleware\\CheckForAnyAbility::class,",
            $source, 1, $count,
        );
        if ($count !== 1) {
            throw new ProvisionFailed("provision: bootstrap/app.php of this install no longer aliases 'verified' where TokenRoutesStep adds the ability middleware: update TokenRoutesStep.php");
        }
        file_put_contents($bootstrap, $aliased);
    }
}
