<?php

// PHP 8.5 functions used by laravel/framework 12 (array_first, array_last) and
// symfony/error-handler (get_error_handler, get_exception_handler). Each is
// defined only where the running PHP lacks it, so PHP 8.5 uses its own.

if (PHP_VERSION_ID >= 80500) {
    return;
}

if (! function_exists('array_first')) {
    function array_first(array $array): mixed
    {
        foreach ($array as $value) {
            return $value;
        }

        return null;
    }
}

if (! function_exists('array_last')) {
    function array_last(array $array): mixed
    {
        return $array === [] ? null : $array[array_key_last($array)];
    }
}

if (! function_exists('get_error_handler')) {
    function get_error_handler(): ?callable
    {
        // Reading the handler means replacing it; put it straight back.
        $handler = set_error_handler(static fn () => false);
        restore_error_handler();

        return $handler;
    }
}

if (! function_exists('get_exception_handler')) {
    function get_exception_handler(): ?callable
    {
        $handler = set_exception_handler(null);
        set_exception_handler($handler);

        return $handler;
    }
}

if (! class_exists('NoDiscard', false)) {
    #[Attribute(Attribute::TARGET_METHOD | Attribute::TARGET_FUNCTION)]
    final class NoDiscard
    {
        public function __construct(public readonly ?string $message = null)
        {
        }
    }
}
