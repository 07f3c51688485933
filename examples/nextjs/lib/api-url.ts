/** The Laravel API's origin, e.g. http://localhost:8000 (inlined into the browser bundle at compile time). */
export function apiUrl(): string {
  const url = process.env.NEXT_PUBLIC_API_URL;
  if (!url) throw new Error('NEXT_PUBLIC_API_URL is not set: put the API origin in .env.local');
  return url;
}
