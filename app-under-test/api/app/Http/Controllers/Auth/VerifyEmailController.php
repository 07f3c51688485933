<?php

namespace App\Http\Controllers\Auth;

use App\Http\Controllers\Controller;
use Illuminate\Auth\Events\Verified;
use Illuminate\Foundation\Auth\EmailVerificationRequest;
use Illuminate\Http\RedirectResponse;

class VerifyEmailController extends Controller
{
    /**
     * Mark the address verified and send the browser back to the SPA.
     */
    public function __invoke(EmailVerificationRequest $request): RedirectResponse
    {
        $dashboard = config('app.frontend_url').'/dashboard?verified=1';

        if ($request->user()->hasVerifiedEmail()) {
            return redirect()->intended($dashboard);
        }

        if ($request->user()->markEmailAsVerified()) {
            event(new Verified($request->user()));
        }

        return redirect()->intended($dashboard);
    }
}
