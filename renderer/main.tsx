// Must stay first: it configures zod before any schema is built (see the module).
import './zod-jitless';
import { RendererProvider } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/app';
import { loadCatalog, startI18n } from './i18n/i18n';
import { parseHash } from './routing/hash-route';
import { loadStores } from './state/boot';
import type { Language } from '../shared/model/settings/settings';
import { useWorkspaceStore } from './state/workspace-store';
import { pageFor } from './steps/registry';
import { createStylesRenderer } from './styles-renderer';

// Stores first, so the first paint is already in the admin's language and on their step.
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);
const stylesRenderer = createStylesRenderer(document);
// The landing page's chunk loads alongside the stores, so the first paint needs no spinner.
const linked = parseHash(window.location.hash);
const linkedPage = linked ? pageFor(linked).preload() : null;
// Every step page is drawn by the same frame: fetch its chunk now, whichever step opens, rather
// than after the stores have said which one.
const stepFrame = import('./components/step-page').catch(() => undefined);
// The language the admin most likely reads, fetched while the stores load; the stored choice
// decides after (a different one is fetched then).
const guessed: Language = navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
const guessedCatalog = loadCatalog(guessed);
void loadStores().then(async ({ language, error }) => {
  const landing = linked ?? { kind: 'step' as const, id: useWorkspaceStore.getState().progress?.currentStep ?? 'requirements' };
  // A chunk that fails to load never blocks boot: the page asks for it again when it renders.
  const [catalog] = await Promise.all([
    language === guessed ? guessedCatalog : loadCatalog(language),
    stepFrame,
    (linkedPage ?? pageFor(landing).preload()).catch(() => undefined),
  ]);
  startI18n(language, catalog);
  root.render(
    <StrictMode>
      <RendererProvider renderer={stylesRenderer} targetDocument={document}>
        <App bootError={error} />
      </RendererProvider>
    </StrictMode>,
  );
});
