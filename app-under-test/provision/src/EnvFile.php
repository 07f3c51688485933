<?php

/** Sets keys in a .env file, keeping every other line as the user left it. */
final class EnvFile
{
    public static function ensure(string $file, string $template): void
    {
        if (! is_file($file) && ! copy($template, $file)) {
            throw new ProvisionFailed("provision: could not create $file from $template");
        }
    }

    public static function get(string $file, string $key): ?string
    {
        foreach (file($file, FILE_IGNORE_NEW_LINES) as $line) {
            if (str_starts_with($line, "$key=")) {
                return trim(substr($line, strlen($key) + 1), '"');
            }
        }

        return null;
    }

    /** @param array<string, string> $values */
    public static function set(string $file, array $values): void
    {
        $lines = file($file, FILE_IGNORE_NEW_LINES);
        foreach ($values as $key => $value) {
            $line = "$key=".(preg_match('/[\s#"]/', $value) ? '"'.addcslashes($value, '"\\').'"' : $value);
            $index = self::indexOf($lines, $key);
            if ($index === null) {
                $lines[] = $line;
            } else {
                $lines[$index] = $line;
            }
        }
        file_put_contents($file, implode("\n", $lines)."\n");
    }

    /** @param list<string> $lines */
    private static function indexOf(array $lines, string $key): ?int
    {
        foreach ($lines as $index => $line) {
            if (str_starts_with($line, "$key=")) {
                return $index;
            }
        }

        return null;
    }
}
