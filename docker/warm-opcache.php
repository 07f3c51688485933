<?php

// Fills the image's opcache file cache (api-opcache.ini) while the image is
// built: boots the app and handles the requests a test starts with, in this
// process, so a new container's first requests load compiled scripts instead
// of compiling Laravel. Sessions and cache stay in memory (SESSION_DRIVER and
// CACHE_STORE=array from the caller): the baked database is left as seeded.
//
//   SESSION_DRIVER=array CACHE_STORE=array php warm-opcache.php /srv/app-under-test/api

$apiDir = $argv[1];
require "$apiDir/vendor/autoload.php";
$app = require "$apiDir/bootstrap/app.php";
$kernel = $app->make(Illuminate\Contracts\Http\Kernel::class);

foreach (['/up', '/sanctum/csrf-cookie', '/api/user'] as $path) {
    $request = Illuminate\Http\Request::create("http://localhost:8000$path", 'GET', server: [
        'HTTP_ACCEPT' => 'application/json',
        'HTTP_ORIGIN' => 'http://localhost:5173',
        'HTTP_REFERER' => 'http://localhost:5173/',
    ]);
    $response = $kernel->handle($request);
    $kernel->terminate($request, $response);
    fwrite(STDERR, "warm-opcache: GET $path {$response->getStatusCode()}\n");
}
