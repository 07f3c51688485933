'use client';

import { useRouter } from 'next/navigation';
import { logOut } from '@/lib/api-client';

export function LogoutButton() {
  const router = useRouter();
  return (
    <button
      type="button"
      onClick={async () => {
        await logOut();
        router.refresh();
      }}
    >
      Log out
    </button>
  );
}
