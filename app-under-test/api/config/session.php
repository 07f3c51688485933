<?php

use Illuminate\Support\Str;

// The framework's defaults apply to every other session option. Skeletons from
// Laravel 12.3 on name the cookie with a hyphen: "laravel-session".

return [

    'cookie' => env(
        'SESSION_COOKIE',
        Str::slug((string) env('APP_NAME', 'laravel')).'-session'
    ),

];
