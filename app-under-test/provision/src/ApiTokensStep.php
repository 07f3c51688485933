<?php

/**
 * The step `breeze:install api` leaves to the developer ("Please add the
 * [Laravel\Sanctum\HasApiTokens] trait to your User model"), done as its
 * message says, on the skeleton's own User model.
 */
final class ApiTokensStep
{
    public static function apply(string $appDir): void
    {
        $file = "$appDir/app/Models/User.php";
        $source = (string) file_get_contents($file);
        if (str_contains($source, 'HasApiTokens')) {
            return;
        }
        $withImport = preg_replace('/^(use Illuminate\\\\Notifications\\\\Notifiable;)$/m', "$1\nuse Laravel\\Sanctum\\HasApiTokens;", $source, 1, $imports);
        $withTrait = preg_replace('/^(\s+use )(HasFactory, Notifiable;)$/m', '$1HasApiTokens, $2', (string) $withImport, 1, $traits);
        if ($imports !== 1 || $traits !== 1) {
            throw new ProvisionFailed("provision: app/Models/User.php of this skeleton no longer has the lines the HasApiTokens step edits\n"
                ."  (`use Illuminate\\Notifications\\Notifiable;` and `use HasFactory, Notifiable;`): update ApiTokensStep.php");
        }
        file_put_contents($file, $withTrait);
    }
}
