<?php

// Personal access tokens beside the SPA's session, for clients that are not a
// browser (mobile apps, services, Postman), as Sanctum's documentation shows
// for mobile clients. Required from routes/api.php (TokenRoutesStep), so
// every path here is under /api.

use App\Http\Controllers\Api\TokenController;
use Illuminate\Support\Facades\Route;

Route::post('/tokens', [TokenController::class, 'store']);

Route::middleware('auth:sanctum')->group(function () {
    Route::delete('/tokens/current', [TokenController::class, 'destroyCurrent']);
    Route::delete('/tokens', [TokenController::class, 'destroyAll']);
    // A route guarded by an ability: a token issued without reports:read is refused (403).
    Route::get('/reports', fn () => ['reports' => []])->middleware('abilities:reports:read');
});
