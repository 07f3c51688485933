#!/bin/sh
# The API image's command: PHP's built-in server on 127.0.0.1:$PORT with the
# router `php artisan serve` uses, from public/, as the native backend runs it.
# With host networking, 127.0.0.1 is the host's own loopback.
set -eu
cd /srv/app-under-test/api/public
exec php -S "127.0.0.1:${PORT}" ../vendor/laravel/framework/src/Illuminate/Foundation/resources/server.php
