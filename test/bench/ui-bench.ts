// `npm run bench:ui`: the screens against a year of the busy venue, in Debian's Chromium: about
// 10,000 POS items and a year of sales (about 2.2 million sales lines, posted by a real 90-day
// migration and the nightly transfers of the 275 days before it, not inserted rows), then the web
// host on that data folder and the timings, each the median of several runs:
//   items first render  click on Items → the first rows painted (the 10,000-item list call included)
//   filter keystroke    a key in Search → the filtered rows painted
//   open a location     click on a location → its stats and 90-day grid painted
//   open the ledger     click on Ledger → its newest day rows (per day, ingredient, storage unit) painted
//   ledger entries      click on the Ledger's Entries tab → the newest single entries painted
//   open stock on hand  click on the Ledger's Stock on hand tab → the stock rows painted
//   open the logs       click on Transfer logs → the log rows painted
//   open Home           click on Home → last night's table of the dashboard painted
import { median } from './timing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { defaultMigrationsFolder, openDatabase } from '../../electron/core/db/open-database';
import { DATABASE_FILE } from '../../electron/core/engine';
import { startHost } from '../e2e/fixtures';
import { BL, NOW, phase, yearOfBusyVenue } from './busy-venue';

const RUNS = Number(process.env.BENCH_UI_RUNS ?? 9);

// The in-page measurements are plain script text: tsx would wrap functions passed to page.evaluate in
// a helper that does not exist inside the page.

/** Clicks `trigger` inside the page and resolves on the first frame after `ready` matches: what the manager sees. */
function timeInPage(page: Page, trigger: string, ready: string): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const t0 = performance.now();
    const observer = new MutationObserver(() => {
      if (!document.querySelector(${JSON.stringify(ready)})) return;
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - t0));
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    document.querySelector(${JSON.stringify(trigger)}).click();
  })`);
}

/** Types one letter into the focused Search field; resolves on the first frame after the match count changed. */
function timeKeystroke(page: Page, letter: string): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const input = document.activeElement;
    const status = document.querySelector('[aria-live="polite"]');
    const before = status.textContent;
    const t0 = performance.now();
    const observer = new MutationObserver(() => {
      if (status.textContent === before) return;
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - t0));
    });
    observer.observe(status, { childList: true, subtree: true, characterData: true });
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, input.value + ${JSON.stringify(letter)});
    input.dispatchEvent(new Event('input', { bubbles: true }));
  })`);
}

const nav = (name: string) => `nav[aria-label="Sections"] button:nth-of-type(${['Home', 'Connection', 'Locations', 'Items', 'Transfer logs', 'Ledger'].indexOf(name) + 1})`;

/** BENCH_UI_DATA keeps the venue (about 2 minutes to build) for the next run; by default it is temporary. */
const kept = process.env.BENCH_UI_DATA;
const home = kept ?? mkdtempSync(join(tmpdir(), 'larder-ui-bench-'));
await yearOfBusyVenue(home);
let stopHost = () => undefined as void;
try {
  const database = openDatabase({ file: join(home, DATABASE_FILE), migrationsFolder: defaultMigrationsFolder });
  const counts = (await database
    .statement('SELECT (SELECT count(*) FROM pos_items) AS items, (SELECT count(*) FROM sales_lines) AS salesLines, (SELECT count(*) FROM ledger_entries) AS entries, (SELECT count(*) FROM ledger_issue_lines) AS traceRows')
    .get()) as { items: number; salesLines: number; entries: number; traceRows: number };
  database.close();
  phase(`${counts.items} items, ${counts.salesLines} sales lines, ${counts.entries} ledger entries, ${counts.traceRows} trace rows; measuring`);

  const { child, host } = await startHost(home, { LARDER_NOW: NOW });
  stopHost = () => void child.kill('SIGTERM');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(host.url);
  await page.getByRole('list', { name: 'Setup checklist' }).waitFor();

  const itemsRender: number[] = [];
  const keystroke: number[] = [];
  const locationOpen: number[] = [];
  const ledgerOpen: number[] = [];
  const entriesOpen: number[] = [];
  const stockOpen: number[] = [];
  const logsOpen: number[] = [];
  const homeOpen: number[] = [];
  // Two rounds first that are not counted: the engine's and Chromium's code and SQLite's page cache warm up.
  const WARM_UP = 2;
  for (let run = 0; run < RUNS + WARM_UP; run++) {
    if (run === WARM_UP) for (const list of [itemsRender, keystroke, locationOpen, ledgerOpen, entriesOpen, stockOpen, logsOpen, homeOpen]) list.length = 0;
    await page.click(nav('Home'));
    await page.getByRole('list', { name: 'Setup checklist' }).waitFor();
    itemsRender.push(await timeInPage(page, nav('Items'), '[data-item-id]'));
    // One keystroke at a time into Search over the whole catalog (All, not the work list); ready when
    // the count line names the new needle's matches.
    await page.getByRole('radio', { name: 'All', exact: true }).dispatchEvent('click');
    const search = page.getByLabel('Search');
    await search.fill('');
    for (const key of ['p', 'i', 'z']) {
      await search.focus();
      keystroke.push(await timeKeystroke(page, key));
    }
    await page.click(nav('Locations'));
    await page.getByRole('table', { name: 'Locations' }).waitFor();
    locationOpen.push(await timeInPage(page, `[data-location="${BL}"] button`, '[aria-label="Migration days"] > div:last-child [data-day]:last-child'));
    await page.click(nav('Home'));
    await page.getByRole('list', { name: 'Setup checklist' }).waitFor();
    ledgerOpen.push(await timeInPage(page, nav('Ledger'), '[data-day-row]'));
    await page.locator('[aria-label="Totals"]').waitFor();
    entriesOpen.push(await timeInPage(page, 'button[role="tab"]:nth-of-type(2)', '[data-entry-id]'));
    stockOpen.push(await timeInPage(page, 'button[role="tab"]:nth-of-type(3)', 'table[aria-label="Stock on hand"] tbody tr'));
    await page.click(nav('Home'));
    await page.getByRole('list', { name: 'Setup checklist' }).waitFor();
    logsOpen.push(await timeInPage(page, nav('Transfer logs'), '[data-log-id]'));
    // Home's dashboard: last night per location, food cost and the rest, beside the checklist.
    homeOpen.push(await timeInPage(page, nav('Home'), 'table[aria-label="Last night"] [data-night]'));
  }
  await browser.close();
  const report = {
    ...counts,
    runs: RUNS,
    itemsFirstRenderMs: median(itemsRender),
    filterKeystrokeMs: median(keystroke),
    openLocationMs: median(locationOpen),
    openLedgerMs: median(ledgerOpen),
    openLedgerEntriesMs: median(entriesOpen),
    openStockOnHandMs: median(stockOpen),
    openLogsMs: median(logsOpen),
    openHomeMs: median(homeOpen),
    warmUpRounds: WARM_UP,
    all: { itemsRender, keystroke, locationOpen, ledgerOpen, entriesOpen, stockOpen, logsOpen, homeOpen },
  };
  console.log(JSON.stringify(report, (key, value: unknown) => (typeof value === 'number' ? Math.round(value * 10) / 10 : value), 2));
} finally {
  stopHost();
  if (!kept) rmSync(home, { recursive: true, force: true });
}
