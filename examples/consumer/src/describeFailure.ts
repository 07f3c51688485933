import { isAxiosError } from 'axios';

/**
 * One line for a failed request: Laravel's validation message for a 422,
 * otherwise the request and what came back, so a failing test says where.
 */
export function describeFailure(error: unknown): string {
  if (!isAxiosError(error)) return error instanceof Error ? error.message : String(error);
  const request = `${error.config?.method?.toUpperCase() ?? 'request'} ${error.config?.url ?? ''}`.trim();
  const response = error.response;
  if (!response) return `${request} failed: network error`;
  const message = (response.data as { message?: unknown } | undefined)?.message;
  if (response.status === 422 && typeof message === 'string') return message;
  return `${request} failed with status ${response.status}`;
}
