<?php

namespace Symfony\Component\Clock;

/**
 * The system clock. Carbon sleeps through it (Carbon::sleep), so sleep() must really wait.
 */
final class NativeClock implements ClockInterface
{
    private \DateTimeZone $timezone;

    public function __construct(\DateTimeZone|string|null $timezone = null)
    {
        $this->timezone = self::zone($timezone ?? date_default_timezone_get());
    }

    public function now(): \DateTimeImmutable
    {
        return new \DateTimeImmutable('now', $this->timezone);
    }

    public function sleep(float|int $seconds): void
    {
        if ($seconds <= 0) {
            return;
        }
        $whole = (int) $seconds;
        $micro = (int) round(($seconds - $whole) * 1e6);
        if ($whole > 0) {
            sleep($whole);
        }
        if ($micro > 0) {
            usleep($micro);
        }
    }

    public function withTimeZone(\DateTimeZone|string $timezone): static
    {
        $clock = clone $this;
        $clock->timezone = self::zone($timezone);

        return $clock;
    }

    private static function zone(\DateTimeZone|string $timezone): \DateTimeZone
    {
        return $timezone instanceof \DateTimeZone ? $timezone : new \DateTimeZone($timezone);
    }
}
