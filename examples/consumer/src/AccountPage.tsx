import { useState } from 'react';
import { api } from './apiClient.ts';
import { describeFailure } from './describeFailure.ts';
import type { User } from './user.ts';

export function AccountPage({ user, onSignedOut }: { user: User; onSignedOut: () => void }) {
  const [failure, setFailure] = useState<string | null>(null);
  const [signingOut, setSigningOut] = useState(false);

  async function signOut() {
    setFailure(null);
    setSigningOut(true);
    try {
      await api.post('/logout');
      onSignedOut();
    } catch (error) {
      setFailure(describeFailure(error));
      setSigningOut(false);
    }
  }

  // Whole strings, not text plus an expression, so each is one text node to match.
  return (
    <main>
      <h1>Your account</h1>
      <p>{`Welcome back, ${user.name}`}</p>
      <p>{`Signed in as ${user.email}`}</p>
      {failure && <p role="alert">{failure}</p>}
      <button type="button" onClick={() => void signOut()} disabled={signingOut}>
        Sign out
      </button>
    </main>
  );
}
