import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './apiClient';
import { App } from './App';
import { describeError } from './failureMessage';
import { readRuntimeConfig } from './runtimeConfig';
import { readServerIdentity } from './serverIdentity';

function renderApp(): ReactNode {
  try {
    return <App api={createApiClient(readRuntimeConfig().apiOrigin)} serverIdentity={readServerIdentity()} />;
  } catch (error) {
    // Fail visibly: a blank page would hide a missing /runtime-config.js from the tests.
    return <p role="alert">{describeError(error)}</p>;
  }
}

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');
createRoot(container).render(<StrictMode>{renderApp()}</StrictMode>);
