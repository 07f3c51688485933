// The SSR topology's renderer for the bundled SPA: each page request asks
// Laravel who the visitor is, as a server between browser and API must
// (the visitor's cookies, and the SPA's Origin and Referer so Sanctum treats
// the call as the SPA's), and renders the signed-in or guest state into the
// page, which the SPA then takes over.
import type { IncomingMessage } from 'node:http';
import { SSR_API_STATUS_HEADER, SSR_FORWARDED_HEADER } from 'sanctum-spa-kit/fixtures';
import type { PageRenderer } from './server.ts';

export interface SsrOptions {
  apiOrigin: string;
  /** The SPA's own origin, sent as Origin and Referer. */
  spaOrigin: string;
  /** False for the twin: the cookies are forwarded without Origin/Referer, and Sanctum sees a stateless call. */
  forwardOrigin: boolean;
  /**
   * Server-side identity: the answer is written into the page (#server-identity) and the SPA takes it from
   * there, never asking GET /api/user in the browser. Otherwise the SPA asks again once it runs.
   */
  identityOnServer?: boolean;
}

export function ssrRenderer({
  apiOrigin,
  spaOrigin,
  forwardOrigin,
  identityOnServer = false,
}: SsrOptions): PageRenderer {
  return async (request: IncomingMessage, indexHtml: string) => {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (request.headers.cookie) headers.Cookie = request.headers.cookie;
    if (forwardOrigin) Object.assign(headers, { Origin: spaOrigin, Referer: `${spaOrigin}/` });
    const answer = await fetch(`${apiOrigin}/api/user`, { headers, redirect: 'manual' });
    const user = answer.status === 200 ? ((await answer.json()) as { name: string; email: string }) : undefined;
    const state = user
      ? `<p data-ssr="signed-in">Signed in as ${escapeHtml(user.name)} (${escapeHtml(user.email)})</p>`
      : '<p data-ssr="guest">Signed out</p>';
    // JSON in a script element the browser does not run; "<" escaped so no value can close it.
    const identityJson = JSON.stringify({ user: user ?? null }).replace(/</g, '\\u003c');
    const identity = identityOnServer
      ? `<script id="server-identity" type="application/json">${identityJson}</script>`
      : '';
    return {
      html: indexHtml.replace('<div id="root"></div>', `<div id="root">${state}</div>${identity}`),
      headers: {
        // What the server-side call got and sent: the kit's diagnosis reads them.
        [SSR_API_STATUS_HEADER]: String(answer.status),
        [SSR_FORWARDED_HEADER]: Object.keys(headers)
          .map((name) => name.toLowerCase())
          .join(', '),
        // The API's renewed cookies reach the browser as they would from the API itself.
        ...(answer.headers.getSetCookie().length > 0 ? { 'Set-Cookie': answer.headers.getSetCookie() } : {}),
      },
    };
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
