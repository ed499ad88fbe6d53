import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './app/i18n';
import { App } from './app/App';
import { rootErrorOptions } from './app/rootErrors';
import './styles.css';

await initI18n();
const root = document.getElementById('root');
if (root) {
  createRoot(root, rootErrorOptions).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
