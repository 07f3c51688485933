import axios from 'axios';
import { apiUrl } from './api-url';

/**
 * The browser's client for the Laravel API: Sanctum's session cookie goes along (withCredentials) and
 * axios copies the XSRF-TOKEN cookie into X-XSRF-TOKEN (withXSRFToken, needed because the API is
 * another origin).
 */
export const api = axios.create({
  baseURL: apiUrl(),
  withCredentials: true,
  withXSRFToken: true,
  headers: { Accept: 'application/json' },
});

/** Sanctum's CSRF cookie first, then Breeze's POST /login. */
export async function logIn(email: string, password: string): Promise<void> {
  await api.get('/sanctum/csrf-cookie');
  await api.post('/login', { email, password });
}

export async function logOut(): Promise<void> {
  await api.post('/logout');
}

/** The API's own message for a failed request (Laravel answers a 422 with { message }). */
export function messageOf(error: unknown): string {
  if (axios.isAxiosError<{ message?: string }>(error) && error.response?.data?.message) {
    return error.response.data.message;
  }
  return 'Something went wrong, please try again.';
}
