<?php

use Illuminate\Support\Str;
use PHPUnit\Framework\TestCase;

final class DebianBridgeTest extends TestCase
{
    public function testLeagueConfigClassesComeFromDebiansPackage(): void
    {
        $this->assertTrue(class_exists(League\Config\Configuration::class), 'apt-get install php-league-config');
        $file = (new ReflectionClass(League\Config\Configuration::class))->getFileName();
        $this->assertStringStartsWith('/usr/share/php/League/Config/', $file);
    }

    public function testStrMarkdownWorks(): void
    {
        $this->assertSame("<h1>Hi <em>there</em></h1>\n", Str::markdown('# Hi *there*'));
    }
}
