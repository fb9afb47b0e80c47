import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

// The baseline: the least a React page built by the same Vite can do before it is interactive.
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <main>
      <h1>Blank</h1>
      <button type="button">Ready</button>
    </main>
  </StrictMode>,
);
