<?php

namespace App\Http\Controllers\Api;

use App\Http\Controllers\Controller;
use App\Models\User;
use Illuminate\Http\JsonResponse;
use Illuminate\Http\Request;
use Illuminate\Http\Response;
use Illuminate\Support\Facades\Hash;
use Illuminate\Validation\ValidationException;

/**
 * Issues and revokes personal access tokens: e-mail, password and a device
 * name in, the plain-text token out (once; the database keeps its sha256).
 * Optional abilities (default ["*"]) and a lifetime in minutes.
 */
class TokenController extends Controller
{
    public function store(Request $request): JsonResponse
    {
        $request->validate([
            'email' => ['required', 'string', 'email'],
            'password' => ['required', 'string'],
            'device_name' => ['required', 'string', 'max:255'],
            'abilities' => ['sometimes', 'array'],
            'abilities.*' => ['string'],
            'expires_in_minutes' => ['sometimes', 'integer', 'min:1'],
        ]);

        $user = User::where('email', $request->string('email'))->first();
        if (! $user || ! Hash::check($request->string('password'), $user->password)) {
            throw ValidationException::withMessages(['email' => [__('auth.failed')]]);
        }

        $expiresAt = $request->has('expires_in_minutes') ? now()->addMinutes($request->integer('expires_in_minutes')) : null;
        $token = $user->createToken($request->string('device_name'), $request->input('abilities', ['*']), $expiresAt);

        return response()->json(['token' => $token->plainTextToken], 201);
    }

    public function destroyCurrent(Request $request): Response
    {
        $request->user()->currentAccessToken()->delete();

        return response()->noContent();
    }

    public function destroyAll(Request $request): Response
    {
        $request->user()->tokens()->delete();

        return response()->noContent();
    }
}
