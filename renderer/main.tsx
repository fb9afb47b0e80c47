// Must stay first: it configures zod before any schema is built (see the module).
import './zod-jitless';
import { RendererProvider } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/app';
import { startI18n } from './i18n/i18n';
import { loadStores } from './state/boot';
import { createStylesRenderer } from './styles-renderer';

// Stores first, so the first paint is already in the admin's language and on their step.
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);
const stylesRenderer = createStylesRenderer(document);
void loadStores().then(({ language, error }) => {
  startI18n(language);
  root.render(
    <StrictMode>
      <RendererProvider renderer={stylesRenderer} targetDocument={document}>
        <App bootError={error} />
      </RendererProvider>
    </StrictMode>,
  );
});
