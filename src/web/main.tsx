import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n.ts';
import './styles.css';
import { App } from './App.tsx';
import { watchStackedCells } from './kit/stackedCells.ts';

const root = document.getElementById('root')!;
watchStackedCells(root);
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
