<?php

/** Package versions in a composer.lock, to say what a refresh moved. */
final class LockedVersions
{
    /** @return array<string, string> name => version */
    public static function read(string $lockFile): array
    {
        if (! is_file($lockFile)) {
            return [];
        }
        $lock = json_decode((string) file_get_contents($lockFile), true);
        $versions = [];
        foreach (array_merge($lock['packages'] ?? [], $lock['packages-dev'] ?? []) as $package) {
            $versions[$package['name']] = $package['version'];
        }
        ksort($versions);

        return $versions;
    }

    /**
     * @param array<string, string> $before
     * @param array<string, string> $after
     * @return list<string>
     */
    public static function diff(array $before, array $after): array
    {
        $moved = [];
        foreach ($after + $before as $name => $_) {
            $old = $before[$name] ?? null;
            $new = $after[$name] ?? null;
            if ($old !== $new) {
                $moved[] = sprintf('%s: %s -> %s', $name, $old ?? '(new)', $new ?? '(gone)');
            }
        }
        sort($moved);

        return $moved;
    }
}
