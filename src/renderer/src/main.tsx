// Renderer entry: pick the API client once, then render. The client is chosen here (not inside
// components) so the same UI runs in Electron (window.qkms from the preload) and in a plain browser
// driven by tests, which inject their own window.qkms before the bundle loads.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ApiProvider } from './api/ApiContext';
import { pickClient } from './api/client';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/keys.css';
import './styles/results.css';
import './styles/endpoint.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <ApiProvider client={pickClient()}>
      <App />
    </ApiProvider>
  </StrictMode>,
);
