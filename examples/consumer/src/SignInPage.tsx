import { useId, useState, type FormEvent } from 'react';
import { api } from './apiClient.ts';
import { describeFailure } from './describeFailure.ts';
import { fetchCurrentUser, type User } from './user.ts';

export function SignInPage({ onSignedIn }: { onSignedIn: (user: User) => void }) {
  const emailId = useId();
  const secretId = useId();
  const [email, setEmail] = useState('');
  const [secret, setSecret] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function signIn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    setSubmitting(true);
    try {
      // A fresh CSRF cookie before every attempt, as Breeze's Next.js starter
      // does: the session it belonged to may have expired or been regenerated.
      await api.get('/sanctum/csrf-cookie');
      await api.post('/login', { email, password: secret });
      const user = await fetchCurrentUser();
      if (!user) throw new Error('POST /login succeeded, but GET /api/user still answered 401');
      onSignedIn(user);
    } catch (error) {
      setFailure(describeFailure(error));
      setSubmitting(false);
    }
  }

  // noValidate: the API validates, so its 422 message is what the user sees.
  return (
    <main>
      <h1>Sign in to Acme</h1>
      <form onSubmit={(event) => void signIn(event)} noValidate>
        <label htmlFor={emailId}>E-mail address</label>
        <input
          id={emailId}
          type="email"
          name="email"
          autoComplete="username"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <label htmlFor={secretId}>Secret</label>
        <input
          id={secretId}
          type="password"
          name="password"
          autoComplete="current-password"
          value={secret}
          onChange={(event) => setSecret(event.target.value)}
        />
        {failure && <p role="alert">{failure}</p>}
        <button type="submit" disabled={submitting}>
          Continue
        </button>
      </form>
    </main>
  );
}
