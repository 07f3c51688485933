import { useEffect, useState } from 'react';
import type { ApiClient } from './apiClient';
import { describeError, describeFailure, messageOf } from './failureMessage';
import { LoginForm } from './LoginForm';
import { fetchCurrentUser, type User } from './user';
import { UserPanel } from './UserPanel';

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

interface AppProps {
  api: ApiClient;
  /** The visitor as the page's server found it (server-side identity); undefined when the SPA asks the API itself. */
  serverIdentity?: { user: User | null };
}

export function App({ api, serverIdentity }: AppProps) {
  const [isLoading, setIsLoading] = useState(serverIdentity === undefined);
  const [isWrong, setIsWrong] = useState(false);
  const [user, setUser] = useState<User | null>(serverIdentity?.user ?? null);
  const [alertText, setAlertText] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const isAuthenticated = user !== null;

  // An existing session cookie may already authenticate us; ask before showing the form.
  useEffect(() => {
    if (serverIdentity !== undefined) return;
    let isCurrent = true;
    fetchCurrentUser(api)
      .then((current) => {
        if (isCurrent) setUser(current);
      })
      .catch((error: unknown) => {
        if (isCurrent) setAlertText(describeError(error));
      })
      .finally(() => {
        if (isCurrent) setIsLoading(false);
      });
    return () => {
      isCurrent = false;
    };
  }, [api, serverIdentity]);

  // Runs one user action: one request sequence in flight at a time, fresh alert each time.
  async function run(action: () => Promise<void>) {
    setIsBusy(true);
    setIsWrong(false);
    setAlertText(null);
    try {
      await action();
    } catch (error) {
      setAlertText(describeError(error));
    } finally {
      setIsBusy(false);
    }
  }

  const logIn = (email: string, password: string) =>
    run(async () => {
      const response = await api.post('/login', { email, password });
      if (response.status === 422) {
        setIsWrong(true);
        setAlertText(messageOf(response.body) ?? describeFailure(response));
        return;
      }
      if (!isSuccess(response.status)) throw new Error(describeFailure(response));
      // Server-side identity: the page's server asks who signed in.
      if (serverIdentity !== undefined) return window.location.reload();
      const signedIn = await fetchCurrentUser(api);
      // Login succeeded but the session did not stick: the classic stateful-domain / cookie misconfiguration.
      if (signedIn === null) throw new Error('Request failed: 401 on GET /api/user right after a successful login');
      setUser(signedIn);
    });

  const logOut = () =>
    run(async () => {
      const response = await api.post('/logout');
      if (!isSuccess(response.status)) throw new Error(describeFailure(response));
      if (serverIdentity !== undefined) return window.location.reload();
      setUser(null);
    });

  if (isLoading) return <p role="status">Loading…</p>;
  return (
    <main>
      {alertText !== null && <p role="alert">{alertText}</p>}
      {isAuthenticated ? (
        <UserPanel user={user} isBusy={isBusy} onLogOut={() => void logOut()} />
      ) : (
        <LoginForm isBusy={isBusy} isWrong={isWrong} onLogIn={(email, password) => void logIn(email, password)} />
      )}
    </main>
  );
}
