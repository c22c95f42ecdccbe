import { defineConfig } from '@playwright/test';
import { LOCALE } from './test/e2e/fixtures';

// Debian's Chromium, never a downloaded browser build (these machines cannot download one).
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/playwright',
  // Every screenshot is checked by axe-core, a few seconds each on this 2-core machine: a screen-heavy walk needs the room.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 860 },
    // Named, so a test cannot pass on an ISO date the screens forgot to format (see LOCALE).
    locale: LOCALE,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      // Without these Chromium keeps trying to reach Google's services, which this network refuses.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
