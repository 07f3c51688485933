/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The Laravel API's origin, e.g. http://localhost:8000; read when the dev server starts. */
  readonly VITE_API_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
