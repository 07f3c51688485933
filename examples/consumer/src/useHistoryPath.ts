import { useCallback, useEffect, useState } from 'react';

export type Navigate = (to: string, options?: { replace?: boolean }) => void;

/**
 * The current pathname and a way to change it, on the plain History API.
 * Plain React state (not an external store), so navigating in the same tick
 * as another setState renders both together, never one without the other.
 */
export function useHistoryPath(): [string, Navigate] {
  const [path, setPath] = useState(() => window.location.pathname);

  useEffect(() => {
    const onPopState = () => setPath(window.location.pathname);
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const navigate = useCallback<Navigate>((to, options) => {
    if (options?.replace) window.history.replaceState(null, '', to);
    else window.history.pushState(null, '', to);
    setPath(to);
  }, []);

  return [path, navigate];
}
