// Body of /runtime-config.js. Shared by the Vite dev plugin and the static
// server so both publish the same global that src/runtimeConfig.ts reads.
export function renderRuntimeConfigScript(apiOrigin: string): string {
  return `window.__SANCTUM_SPA_CONFIG__ = ${JSON.stringify({ apiOrigin: toOrigin(apiOrigin) })};\n`;
}

// The SPA appends paths such as /api/user, so anything beyond scheme://host:port
// would silently produce wrong URLs; refuse it instead.
function toOrigin(apiOrigin: string): string {
  const url = new URL(apiOrigin);
  const origin = url.origin;
  if (!/^https?:$/.test(url.protocol) || apiOrigin.replace(/\/$/, '') !== origin) {
    throw new Error(`apiOrigin must be a bare http(s) origin such as http://localhost:8000, got "${apiOrigin}"`);
  }
  return origin;
}
