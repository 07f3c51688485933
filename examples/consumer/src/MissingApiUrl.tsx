/** Shown instead of the app when the dev server was started without the API origin. */
export function MissingApiUrl() {
  return (
    <main>
      <p role="alert">
        VITE_API_URL is not set. Start the dev server with the API origin, e.g. VITE_API_URL=http://localhost:8000 npm
        run dev
      </p>
    </main>
  );
}
