import type { FormEvent } from 'react';

interface LoginFormProps {
  isBusy: boolean;
  /** The last attempt was rejected with 422 (wrong credentials or invalid input). */
  isWrong: boolean;
  onLogIn(email: string, password: string): void;
}

export function LoginForm({ isBusy, isWrong, onLogIn }: LoginFormProps) {
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = new FormData(event.currentTarget);
    onLogIn(String(fields.get('email') ?? ''), String(fields.get('password') ?? ''));
  }

  return (
    // noValidate: the browser must not block input the API is meant to judge (its 422 is under test).
    <form aria-label="Log in" noValidate onSubmit={handleSubmit}>
      <label htmlFor="email">Email</label>
      <input id="email" name="email" type="email" autoComplete="username" aria-invalid={isWrong} />
      <label htmlFor="password">Password</label>
      <input id="password" name="password" type="password" autoComplete="current-password" aria-invalid={isWrong} />
      <button type="submit" disabled={isBusy}>
        Log in
      </button>
    </form>
  );
}
