<?php

namespace Fruitcake\Cors\Exceptions;

/**
 * Thrown by CorsService::setOptions() when a list option is not an array.
 */
class InvalidOptionException extends \RuntimeException
{
}
