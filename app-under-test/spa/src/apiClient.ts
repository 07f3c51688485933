// The one path to the API: adds what Sanctum's SPA (cookie) authentication
// needs to every request, so no call can forget the CSRF header or cookies.
export interface ApiResponse {
  status: number;
  /** Parsed JSON, or null for 204 / an empty or non-JSON body. */
  body: unknown;
}

export interface ApiClient {
  request(method: string, path: string, body?: unknown): Promise<ApiResponse>;
  get(path: string): Promise<ApiResponse>;
  post(path: string, body?: unknown): Promise<ApiResponse>;
}

const XSRF_COOKIE = 'XSRF-TOKEN';

function readCookie(name: string): string | undefined {
  for (const pair of document.cookie.split(';')) {
    const [key, ...value] = pair.trim().split('=');
    // Laravel URL-encodes the token in the cookie; the header wants it raw.
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function createApiClient(apiOrigin: string): ApiClient {
  async function send(method: string, path: string, body?: unknown): Promise<ApiResponse> {
    const url = apiOrigin + path;
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const token = readCookie(XSRF_COOKIE);
    if (token !== undefined) headers['X-XSRF-TOKEN'] = token;

    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        credentials: 'include',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      // fetch rejects without a status for network, DNS and CORS failures alike.
      throw new Error(`Request failed: network or CORS error on ${method} ${url}`, { cause: error });
    }
    return { status: response.status, body: await readBody(response) };
  }

  // As the seed tutorial's wrapper does: before the first call of a page with
  // no XSRF-TOKEN cookie yet, let the API set it (and start the session);
  // Sanctum rejects state-changing requests (419) without it.
  async function ensureCsrfCookie(): Promise<void> {
    if (readCookie(XSRF_COOKIE) !== undefined) return;
    const { status } = await send('GET', '/sanctum/csrf-cookie');
    if (status < 200 || status >= 300) throw new Error(`Request failed: ${status} on GET /sanctum/csrf-cookie`);
  }

  async function request(method: string, path: string, body?: unknown): Promise<ApiResponse> {
    await ensureCsrfCookie();
    return send(method, path, body);
  }

  return {
    request,
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body),
  };
}
