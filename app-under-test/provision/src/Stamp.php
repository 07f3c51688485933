<?php

/** Remembers, per step, the hash of the inputs it last succeeded with. */
final class Stamp
{
    /** @var array<string, string> */
    private array $hashes;

    public function __construct(private string $file)
    {
        $stored = is_file($file) ? json_decode((string) file_get_contents($file), true) : null;
        $this->hashes = is_array($stored) ? $stored : [];
    }

    public function isCurrent(string $step, string $hash): bool
    {
        return ($this->hashes[$step] ?? null) === $hash;
    }

    public function record(string $step, string $hash): void
    {
        $this->hashes[$step] = $hash;
        file_put_contents($this->file, json_encode($this->hashes, JSON_PRETTY_PRINT)."\n");
    }

    public function forget(string $step): void
    {
        unset($this->hashes[$step]);
    }

    /**
     * Hash of the given files and folders (recursively) plus extra values.
     *
     * @param list<string> $paths
     * @param list<string> $values
     */
    public static function hashOf(string $root, array $paths, array $values = []): string
    {
        $context = hash_init('sha256');
        foreach ($paths as $path) {
            foreach (self::filesUnder("$root/$path") as $file) {
                hash_update($context, substr($file, strlen($root))."\0");
                hash_update_file($context, $file);
            }
        }
        hash_update($context, implode("\0", $values));

        return hash_final($context);
    }

    /** @return list<string> */
    private static function filesUnder(string $path): array
    {
        if (is_file($path)) {
            return [$path];
        }
        if (! is_dir($path)) {
            return [];
        }
        $files = [];
        $iterator = new RecursiveIteratorIterator(new RecursiveDirectoryIterator($path, FilesystemIterator::SKIP_DOTS));
        foreach ($iterator as $entry) {
            if ($entry->isFile() && ! str_contains($entry->getPathname(), '/vendor/')) {
                $files[] = $entry->getPathname();
            }
        }
        sort($files);

        return $files;
    }
}
