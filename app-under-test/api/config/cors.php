<?php

// As breeze:install api publishes it: every path, and only the SPA's origin,
// with credentials (cookies) allowed. FRONTEND_URL must be the SPA origin exactly.

return [

    'paths' => ['*'],

    'allowed_methods' => ['*'],

    'allowed_origins' => [env('FRONTEND_URL', 'http://localhost:3000')],

    'allowed_origins_patterns' => [],

    'allowed_headers' => ['*'],

    'exposed_headers' => [],

    'max_age' => 0,

    'supports_credentials' => true,

];
