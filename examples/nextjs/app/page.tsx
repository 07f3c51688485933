import { Suspense } from 'react';
import { Account } from './account';
import styles from './page.module.css';

export default function Home() {
  return (
    <main className={styles.main}>
      <h1>Acme Notes</h1>
      <Suspense fallback={<p>Loading…</p>}>
        <Account />
      </Suspense>
    </main>
  );
}
