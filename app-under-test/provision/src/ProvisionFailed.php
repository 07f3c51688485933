<?php

/** A user-facing failure: its message is the whole report, no stack trace. */
final class ProvisionFailed extends RuntimeException
{
}
