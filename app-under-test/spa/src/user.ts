// The signed-in user as returned by Laravel's GET /api/user.
import type { ApiClient } from './apiClient';
import { describeFailure } from './failureMessage';

export interface User {
  id: number;
  name: string;
  email: string;
}

function isUser(body: unknown): body is User {
  return typeof body === 'object' && body !== null && 'email' in body && typeof body.email === 'string';
}

/** The current user, or null when the API answers 401 (no session). Throws on anything else. */
export async function fetchCurrentUser(api: ApiClient): Promise<User | null> {
  const response = await api.get('/api/user');
  if (response.status === 401) return null;
  if (response.status === 200 && isUser(response.body)) return response.body;
  throw new Error(describeFailure(response));
}
