import { defineConfig } from 'vite';

export default defineConfig({
  // No @vitejs/plugin-react: Vite 8's built-in Oxc transform already compiles
  // TSX with React's automatic JSX runtime, and this app needs no Fast Refresh.
  // The API trusts exactly one SPA origin (CORS and the stateful domain), so a
  // busy port must fail loudly instead of Vite silently moving to the next one.
  server: { strictPort: true },
});
