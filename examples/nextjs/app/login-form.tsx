'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { logIn, messageOf } from '@/lib/api-client';
import styles from './page.module.css';

export function LoginForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      await logIn(String(form.get('email')), String(form.get('password')));
      // The server renders who is signed in: ask it again.
      router.refresh();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setPending(false);
    }
  }

  return (
    // method="post": a submit before hydration never puts the password in the URL.
    <form aria-label="Log in" method="post" className={styles.form} onSubmit={submit}>
      <label>
        Email
        <input name="email" type="email" autoComplete="username" required />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error && <p role="alert">{error}</p>}
      <button type="submit" disabled={pending}>
        Log in
      </button>
    </form>
  );
}
