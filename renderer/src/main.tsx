import '@mantine/core/styles.css';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { keepItemsCatalog } from './items/items-store';

// The POS catalog is kept in the page from start-up: with 10,000 items, loading them takes longer than
// drawing the Items screen, which then opens at once.
keepItemsCatalog();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <MantineProvider defaultColorScheme="light">
      <App />
    </MantineProvider>
  </StrictMode>,
);
