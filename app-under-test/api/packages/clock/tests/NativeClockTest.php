<?php

use PHPUnit\Framework\TestCase;
use Symfony\Component\Clock\ClockInterface;
use Symfony\Component\Clock\NativeClock;

final class NativeClockTest extends TestCase
{
    public function testItIsTheClockCarbonImplements(): void
    {
        $this->assertInstanceOf(ClockInterface::class, new Carbon\FactoryImmutable());
        $this->assertInstanceOf(Psr\Clock\ClockInterface::class, new NativeClock());
    }

    public function testNowIsTheSystemTimeInTheClocksZone(): void
    {
        $clock = new NativeClock('Europe/Paris');
        $before = time();
        $now = $clock->now();
        $this->assertSame('Europe/Paris', $now->getTimezone()->getName());
        $this->assertGreaterThanOrEqual($before, $now->getTimestamp());
        $this->assertLessThanOrEqual(time(), $now->getTimestamp());
    }

    public function testWithTimeZoneReturnsAnotherClock(): void
    {
        $utc = new NativeClock('UTC');
        $tokyo = $utc->withTimeZone(new DateTimeZone('Asia/Tokyo'));
        $this->assertNotSame($utc, $tokyo);
        $this->assertSame('UTC', $utc->now()->getTimezone()->getName());
        $this->assertSame('Asia/Tokyo', $tokyo->now()->getTimezone()->getName());
    }

    public function testSleepWaitsAtLeastTheGivenTime(): void
    {
        $started = hrtime(true);
        (new NativeClock())->sleep(0.02);
        $this->assertGreaterThanOrEqual(0.02, (hrtime(true) - $started) / 1e9);
    }

    public function testCarbonNowRunsThroughIt(): void
    {
        $this->assertEqualsWithDelta(time(), Carbon\Carbon::now()->getTimestamp(), 2);
    }
}
