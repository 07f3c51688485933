import type { User } from './user';

interface UserPanelProps {
  user: User;
  isBusy: boolean;
  onLogOut(): void;
}

export function UserPanel({ user, isBusy, onLogOut }: UserPanelProps) {
  return (
    <>
      <h1>Signed in</h1>
      <p>Signed in as {user.email}</p>
      <button type="button" disabled={isBusy} onClick={onLogOut}>
        Log out
      </button>
    </>
  );
}
