<?php

// Prints, as JSON, what the kit must read from the app instead of hard-coding:
// the session cookie's name, versions, and how Sanctum and CORS are wired.
// Boots the app with the caller's environment (the same overrides as the server).
//
//   php app-facts.php /path/to/api

$apiDir = $argv[1] ?? dirname(__DIR__).'/api';

require $apiDir.'/vendor/autoload.php';

/** @var Illuminate\Foundation\Application $app */
$app = require $apiDir.'/bootstrap/app.php';
$app->make(Illuminate\Contracts\Http\Kernel::class)->bootstrap();

$router = $app['router'];

echo json_encode([
    'laravelVersion' => $app->version(),
    'phpVersion' => PHP_VERSION,
    'sessionCookieName' => config('session.cookie'),
    'statefulDomains' => array_values(array_filter(config('sanctum.stateful', []))),
    'apiMiddlewareGroup' => array_values($router->getMiddlewareGroups()['api'] ?? []),
    'middlewareAliases' => $router->getMiddleware(),
    'cors' => config('cors'),
], JSON_UNESCAPED_SLASHES)."\n";
