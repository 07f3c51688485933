import { useEffect, useState } from 'react';
import { AccountPage } from './AccountPage.tsx';
import { describeFailure } from './describeFailure.ts';
import { routes } from './routes.ts';
import { SignInPage } from './SignInPage.tsx';
import { useHistoryPath } from './useHistoryPath.ts';
import { fetchCurrentUser, type User } from './user.ts';

type Session = { state: 'checking' } | { state: 'unknown'; reason: string } | { state: 'known'; user: User | null };

export function App() {
  const [path, navigate] = useHistoryPath();
  const [session, setSession] = useState<Session>({ state: 'checking' });

  // Whatever URL the page was opened on, the API decides who is signed in.
  useEffect(() => {
    let current = true;
    fetchCurrentUser().then(
      (user) => current && setSession({ state: 'known', user }),
      (error) => current && setSession({ state: 'unknown', reason: describeFailure(error) }),
    );
    return () => {
      current = false;
    };
  }, []);

  // A signed-in user belongs on /account, anyone else on /sign-in: any other
  // URL (/, a stale tab, the back button) is replaced by the right one.
  const home = session.state === 'known' ? (session.user ? routes.account : routes.signIn) : null;
  useEffect(() => {
    if (home && path !== home) navigate(home, { replace: true });
  }, [home, path, navigate]);

  if (session.state === 'checking') return <p role="status">Checking your session…</p>;
  if (session.state === 'unknown') return <p role="alert">Could not check your session: {session.reason}</p>;
  if (path !== home) return null;

  if (session.user) {
    const signedOut = () => {
      setSession({ state: 'known', user: null });
      navigate(routes.signIn);
    };
    return <AccountPage user={session.user} onSignedOut={signedOut} />;
  }
  const signedIn = (user: User) => {
    setSession({ state: 'known', user });
    navigate(routes.account);
  };
  return <SignInPage onSignedIn={signedIn} />;
}
