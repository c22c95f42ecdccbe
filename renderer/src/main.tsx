import '@mantine/core/styles.css';
import { createTheme, Drawer, FileInput, MantineProvider, Modal, Select, type CSSVariablesResolver } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Root } from './app/Root';
import { keepItemsCatalog } from './items/items-store';

// The POS catalog is kept in the page from start-up: with 10,000 items, loading them takes longer than
// drawing the Items screen, which then opens at once.
keepItemsCatalog();

// Contrast a manager can read on any office screen (WCAG AA, 4.5:1 for text, checked by axe-core in the
// end-to-end suite): filled colours a shade darker than Mantine's default, dimmed text in gray 7, and
// coloured text, light badges and alert titles in shades dark enough on white and on their tints.
// Every close and clear button is named, so a screen reader says what it does.
const theme = createTheme({
  primaryShade: { light: 8, dark: 8 },
  components: {
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Select: Select.extend({ defaultProps: { clearButtonProps: { 'aria-label': 'Clear' } } }),
    FileInput: FileInput.extend({ defaultProps: { clearButtonProps: { 'aria-label': 'Clear the file' } } }),
  },
});
const readable: Record<string, string> = { red: '#b02525', orange: '#a03800', yellow: '#7a4b00', green: '#256b32', teal: '#0b6b5a', blue: '#1864ab', gray: '#495057' };
/** Filled backgrounds white text stays readable on (4.5:1 and more). */
const filled: Record<string, string> = { red: '#c92a2a', orange: '#b8420b', yellow: '#9a5b00', green: '#2b7a3b', teal: '#0b7285', gray: '#495057' };
const resolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': '#6b7178',
    '--mantine-color-anchor': '#1864ab',
    '--mantine-color-error': readable.red as string,
    ...Object.fromEntries(Object.entries(readable).flatMap(([color, hex]) => [[`--mantine-color-${color}-light-color`, hex], [`--mantine-color-${color}-text`, hex]])),
    ...Object.fromEntries(Object.entries(filled).map(([color, hex]) => [`--mantine-color-${color}-filled`, hex])),
  },
  dark: {},
});

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <MantineProvider defaultColorScheme="light" theme={theme} cssVariablesResolver={resolver}>
      <Root />
    </MantineProvider>
  </StrictMode>,
);
