<?php

/**
 * Points the app at another Laravel line (--framework=^11.0) by rewriting the
 * laravel/framework constraint of its composer.json. Only that string changes,
 * so the file keeps its layout and every other requirement.
 */
final class FrameworkConstraint
{
    public static function pin(string $composerJson, string $constraint): void
    {
        $json = (string) file_get_contents($composerJson);
        $pinned = preg_replace_callback(
            '/("laravel\/framework"\s*:\s*)"[^"]*"/',
            fn (array $match) => $match[1].json_encode($constraint, JSON_UNESCAPED_SLASHES),
            $json,
            1,
            $found,
        );
        if ($found === 0) {
            throw new ProvisionFailed("provision: --framework=$constraint: $composerJson requires no laravel/framework to rewrite");
        }
        if ($pinned === $json) {
            return;
        }
        file_put_contents($composerJson, $pinned);
        // A lock file holds the other line's versions: composer install would
        // install those and ignore the new constraint.
        $lock = dirname($composerJson).'/composer.lock';
        if (is_file($lock)) {
            unlink($lock);
        }
    }
}
