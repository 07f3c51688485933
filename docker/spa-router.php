<?php

// Router for PHP's built-in server serving the built SPA in docker/compose.yaml,
// as app-under-test/spa/server.ts serves it for the tests: /runtime-config.js
// pointing the SPA at API_ORIGIN, the files of the document root (dist/), and
// index.html for client-side routes.
//
//   API_ORIGIN=http://localhost:8000 php -S 127.0.0.1:5173 -t dist spa-router.php

$path = (string) parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
header('Cache-Control: no-store');

if ($path === '/runtime-config.js') {
    header('Content-Type: text/javascript; charset=utf-8');
    $config = ['apiOrigin' => getenv('API_ORIGIN') ?: 'http://localhost:8000'];
    echo 'window.__SANCTUM_SPA_CONFIG__ = '.json_encode($config, JSON_UNESCAPED_SLASHES).";\n";

    return true;
}
if (str_contains($path, '..')) {
    http_response_code(400);

    return true;
}
if ($path !== '/' && is_file($_SERVER['DOCUMENT_ROOT'].$path)) {
    return false; // the built-in server sends the file itself
}
if (pathinfo($path, PATHINFO_EXTENSION) === '') {
    header('Content-Type: text/html; charset=utf-8');
    readfile($_SERVER['DOCUMENT_ROOT'].'/index.html');

    return true;
}
http_response_code(404);
