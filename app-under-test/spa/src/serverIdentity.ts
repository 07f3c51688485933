// Server-side identity: a server that renders the page asks the API who the
// visitor is and writes the answer into it (a JSON script, #server-identity);
// the SPA then never asks GET /api/user itself, and after login or logout it
// loads the page again so that the server asks.
import type { User } from './user';

const SERVER_IDENTITY_ELEMENT_ID = 'server-identity';

/** What the server found, or undefined when no server rendered the page (the SPA asks itself). */
export function readServerIdentity(): { user: User | null } | undefined {
  const element = document.getElementById(SERVER_IDENTITY_ELEMENT_ID);
  if (element?.textContent == null) return undefined;
  const parsed = JSON.parse(element.textContent) as { user?: User | null };
  return { user: parsed.user ?? null };
}
