import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { apiUrl } from './apiClient.ts';
import { MissingApiUrl } from './MissingApiUrl.tsx';

// No <StrictMode>: its doubled effects would send the session check twice,
// and a page load here should make exactly one GET /api/user.
createRoot(document.getElementById('root')!).render(apiUrl ? <App /> : <MissingApiUrl />);
