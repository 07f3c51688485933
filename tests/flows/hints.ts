// What to check when an assertion fails: each names the setting that causes the symptom.
export const hint = {
  notStateful:
    'Sanctum did not treat the SPA request as stateful: is the SPA host:port (port included) in SANCTUM_STATEFUL_DOMAINS, and EnsureFrontendRequestsAreStateful prepended to the api group in bootstrap/app.php?',
  corsBlocked:
    'no response reached the page: the browser blocked it (CORS). Is FRONTEND_URL exactly the SPA origin (scheme, host, port) and supports_credentials true in config/cors.php?',
  csrf: '419 means the X-XSRF-TOKEN did not match the session: was /sanctum/csrf-cookie fetched first, and do the SPA and API share a host (cookies ignore ports, not hosts)?',
  httpOnly: 'the session cookie must be HttpOnly: is SESSION_HTTP_ONLY false in the API .env?',
};
