<?php

use PHPUnit\Framework\TestCase;

final class Php85FunctionsTest extends TestCase
{
    public function testArrayFirstAndLast(): void
    {
        $this->assertSame('a', array_first(['x' => 'a', 'y' => 'b']));
        $this->assertSame('b', array_last(['x' => 'a', 'y' => 'b']));
        $this->assertNull(array_first([]));
        $this->assertNull(array_last([]));
        $this->assertNull(array_first([null, 1]));
    }

    public function testGetErrorHandlerLeavesTheHandlerInPlace(): void
    {
        $handler = static fn () => true;
        set_error_handler($handler);
        try {
            $this->assertSame($handler, get_error_handler());
            $this->assertSame($handler, get_error_handler());
        } finally {
            restore_error_handler();
        }
    }

    public function testGetExceptionHandlerLeavesTheHandlerInPlace(): void
    {
        $handler = static function (Throwable $error): void {
        };
        $previous = set_exception_handler($handler);
        try {
            $this->assertSame($handler, get_exception_handler());
            $this->assertSame($handler, get_exception_handler());
        } finally {
            set_exception_handler($previous);
        }
    }
}
