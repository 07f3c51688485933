<?php

/**
 * Gives the app's personal access tokens a lifetime: sanctum.expiration, which
 * the installers leave null (a token then lives until revoked), becomes 30
 * days. The session path does not read it. The kit's token checks prove it by moving a token's
 * created_at back past it.
 */
final class TokenExpiryStep
{
    public const EXPIRATION_MINUTES = 60 * 24 * 30;

    public static function apply(string $appDir): void
    {
        $config = "$appDir/config/sanctum.php";
        $source = (string) file_get_contents($config);
        $set = preg_replace("/^(\s+'expiration' => )null,$/m", '${1}'.self::EXPIRATION_MINUTES.',', $source, 1, $count);
        if ($count !== 1) {
            throw new ProvisionFailed("provision: config/sanctum.php of this install no longer has 'expiration' => null where TokenExpiryStep sets the tokens' lifetime: update TokenExpiryStep.php");
        }
        file_put_contents($config, $set);
    }
}
