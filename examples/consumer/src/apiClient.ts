import axios from 'axios';

/** The API origin, or undefined when whoever started Vite did not set VITE_API_URL. */
export const apiUrl: string | undefined = import.meta.env.VITE_API_URL || undefined;

/**
 * Sanctum SPA auth rides on cookies: withCredentials sends the session cookie
 * cross-origin, and withXSRFToken makes axios copy the XSRF-TOKEN cookie into
 * X-XSRF-TOKEN even though the API is another origin. Accept: JSON makes
 * Laravel answer 401/422 as JSON instead of redirecting.
 */
export const api = axios.create({
  baseURL: apiUrl,
  withCredentials: true,
  withXSRFToken: true,
  headers: { Accept: 'application/json' },
});
