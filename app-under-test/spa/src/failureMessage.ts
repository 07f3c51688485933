// Alert texts for failed calls. They name the status so an end-to-end test
// failure shows what the API answered, not just that something broke.
import type { ApiResponse } from './apiClient';

/** Laravel puts a human-readable reason in `message` for 4xx/5xx JSON responses. */
export function messageOf(body: unknown): string | undefined {
  if (
    typeof body === 'object' &&
    body !== null &&
    'message' in body &&
    typeof body.message === 'string' &&
    body.message !== ''
  ) {
    return body.message;
  }
  return undefined;
}

/** e.g. "Request failed: 419 CSRF token mismatch." */
export function describeFailure(response: ApiResponse): string {
  const message = messageOf(response.body);
  return `Request failed: ${response.status}${message === undefined ? '' : ` ${message}`}`;
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
