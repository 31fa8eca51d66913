import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startLanguageReady } from './i18n.ts';
import './styles.css';
// Tags, lists and forms of many screens (the event's close page among them) are styled here: it
// belongs in the first stylesheet, not with whichever screen happens to load first.
import './pages/picture/picture.css';
import { App } from './App.tsx';
import { watchStackedCells } from './kit/stackedCells.ts';

const root = document.getElementById('root')!;
watchStackedCells(root);
// A user who chose English sees no Swedish first; if the English words cannot be fetched, the
// Swedish ones are shown.
void startLanguageReady
  .catch(() => undefined)
  .then(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
