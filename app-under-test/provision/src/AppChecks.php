<?php

/**
 * What the kit relies on in the installed app, read by booting it (the
 * kit's app-facts.php): if a future skeleton or Breeze changes one, provisioning
 * stops and names it instead of letting the suite fail far from the cause.
 */
final class AppChecks
{
    private const STATEFUL = 'Laravel\\Sanctum\\Http\\Middleware\\EnsureFrontendRequestsAreStateful';

    /** @param array{sessionCookie: string} $expected */
    public static function verify(string $appDir, string $appFactsScript, array $expected): void
    {
        $output = [];
        exec(sprintf('%s %s %s 2>&1', escapeshellarg(PHP_BINARY), escapeshellarg($appFactsScript), escapeshellarg($appDir)), $output, $exitCode);
        $facts = json_decode(implode("\n", $output), true);
        if ($exitCode !== 0 || ! is_array($facts)) {
            throw new ProvisionFailed("provision: the installed app does not boot:\n  | ".implode("\n  | ", array_slice($output, -15)));
        }
        $changed = [];
        if (! in_array(self::STATEFUL, $facts['apiMiddlewareGroup'] ?? [], true)) {
            $changed[] = 'the api middleware group lacks '.self::STATEFUL.' (breeze:install api no longer prepends it to bootstrap/app.php)';
        }
        if (! isset($facts['middlewareAliases']['verified'])) {
            $changed[] = 'the `verified` middleware alias is missing (breeze:install api no longer adds it)';
        }
        if (($facts['userHasApiTokens'] ?? false) !== true) {
            $changed[] = 'the User model lacks HasApiTokens';
        }
        if (($facts['sessionCookieName'] ?? null) !== $expected['sessionCookie']) {
            $changed[] = sprintf('the session cookie is "%s", not "%s" (config/session.php of this skeleton changed)', $facts['sessionCookieName'] ?? '?', $expected['sessionCookie']);
        }
        if ($changed !== []) {
            throw new ProvisionFailed("provision: the installed app differs from what the kit relies on:\n  - ".implode("\n  - ", $changed)
                ."\n  fix: adapt the kit (or app-under-test/lines/*/expected.json), or pin the previous versions (refresh-locks.php)");
        }
    }
}
