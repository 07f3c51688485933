import { cookies } from 'next/headers';
import { apiUrl } from './api-url';

export interface User {
  id: number;
  name: string;
  email: string;
}

/**
 * Asks the API who the visitor is, from this server, with the browser's cookies. Sanctum treats the
 * call as the SPA's own (session, not token) only when Origin or Referer is one of its stateful
 * domains, so they name this app's origin.
 */
export async function signedInUser(): Promise<User | null> {
  const appOrigin = process.env.APP_URL;
  if (!appOrigin) throw new Error("APP_URL is not set: put this app's origin in .env.local");
  const response = await fetch(`${apiUrl()}/api/user`, {
    cache: 'no-store',
    headers: {
      Accept: 'application/json',
      // toString() encodes the values again, as the browser sent them.
      Cookie: (await cookies()).toString(),
      Origin: appOrigin,
      Referer: `${appOrigin}/`,
    },
  });
  if (response.status === 401) return null;
  if (!response.ok) throw new Error(`GET /api/user answered ${response.status}`);
  return (await response.json()) as User;
}
