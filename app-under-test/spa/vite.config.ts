import { fileURLToPath } from 'node:url';
import type { ServerResponse } from 'node:http';
import { defineConfig, type Connect, type Plugin } from 'vite';
import { renderRuntimeConfigScript } from './runtimeConfigScript.js';

// The built dist/ deliberately has no runtime-config.js; in `vite` (dev) and
// `vite preview` this plugin generates it from API_ORIGIN instead.
function runtimeConfigPlugin(): Plugin {
  const script = renderRuntimeConfigScript(process.env.API_ORIGIN ?? 'http://localhost:8000');
  const serve = (req: Connect.IncomingMessage, res: ServerResponse, next: Connect.NextFunction) => {
    if (req.url?.split('?')[0] !== '/runtime-config.js') return next();
    res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.end(script);
  };
  return {
    name: 'sanctum-spa-runtime-config',
    configureServer: (server) => void server.middlewares.use(serve),
    configurePreviewServer: (server) => void server.middlewares.use(serve),
  };
}

export default defineConfig({
  // Pinned so the config works whether Vite is started from the repo root or here.
  root: fileURLToPath(new URL('.', import.meta.url)),
  // No @vitejs/plugin-react: Vite's built-in Oxc transform compiles TSX with the
  // automatic JSX runtime, and this fixture needs no Fast Refresh.
  plugins: [runtimeConfigPlugin()],
  build: { outDir: 'dist', emptyOutDir: true },
});
