import { signedInUser } from '@/lib/signed-in-user';
import { LoginForm } from './login-form';
import { LogoutButton } from './logout-button';

/** Rendered on the server for each request: who the API says the visitor is. */
export async function Account() {
  const user = await signedInUser();
  if (!user) return <LoginForm />;
  return (
    <section>
      <p>Signed in as {user.email}</p>
      <LogoutButton />
    </section>
  );
}
