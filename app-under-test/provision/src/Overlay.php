<?php

/** The kit's own files over the installed app (app-under-test/overlay): all it adds to a fresh install. */
final class Overlay
{
    public static function apply(string $overlayDir, string $appDir): void
    {
        $files = new RecursiveIteratorIterator(new RecursiveDirectoryIterator($overlayDir, FilesystemIterator::SKIP_DOTS));
        foreach ($files as $file) {
            $target = $appDir.substr($file->getPathname(), strlen($overlayDir));
            if (! is_dir(dirname($target))) {
                mkdir(dirname($target), 0777, true);
            }
            copy($file->getPathname(), $target);
        }
    }
}
