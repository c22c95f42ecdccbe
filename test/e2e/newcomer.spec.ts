import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { handMadeSale } from '../../electron/demo/fake-lightspeed/fake-data';
import { startFakeLightspeed, type FakeLightspeed } from '../../electron/demo/fake-lightspeed/fake-lightspeed';
import { expect, launchLarder, shownDay, test } from './fixtures';
import { LarderPage } from './pages/larder-page';

// One restaurant office, start to finish, against the fake K-Series: the newcomer flow, then a
// revoked sign-in and reauthorization, then the review with the network gone. The tests share one
// Larder and one fake, in order.
test.describe.configure({ mode: 'serial', timeout: 240_000 });

const NOW = '2026-05-08T10:00:00Z';
const HARBOUR = '45454565682155';
/** Before the migration's 90 days, so only the manual issue posts it. */
const TEST_DAY = '2026-02-06';

let fake: FakeLightspeed;
let larder: Awaited<ReturnType<typeof launchLarder>>;
let page: Page;
let app: LarderPage;

const harbourItem = (name: string) => {
  const item = fake.data.items.find((candidate) => candidate.businessId === 1234 && candidate.name === name);
  if (!item) throw new Error(`no fake item ${name}`);
  return item;
};

/** The manager's click on Authorize in the tab Larder opened. */
async function approveInNewTab(click: () => Promise<void>) {
  const opened = page.context().waitForEvent('page');
  await click();
  const consent = await opened;
  await consent.getByRole('button', { name: 'Authorize' }).click();
  await consent.waitForLoadState();
  await consent.close();
}

async function mapItem(name: string, target: RegExp, quantity: string, options: { subtraction?: boolean; screenshot?: string } = {}) {
  await page.getByLabel('Search').fill(name);
  await page.locator(`[data-item-id="${harbourItem(name).id}"]`).click();
  const sheet = page.getByRole('dialog', { name: `Map “${name}”` });
  await app.choose('Deduct this ingredient or recipe', target, sheet);
  await sheet.getByLabel('Quantity per item sold').fill(quantity);
  if (options.subtraction) await sheet.getByLabel(/Subtraction/).check();
  if (options.screenshot) await app.screenshot(options.screenshot);
  await sheet.getByRole('button', { name: 'Save mapping' }).click();
  await expect(sheet).toBeHidden();
}

test.beforeAll(async ({ browser }) => {
  fake = await startFakeLightspeed({ now: NOW, today: '2026-05-08', salesPerDay: 4, linesPerSale: 2 });
  larder = await launchLarder({ LARDER_NOW: NOW, LARDER_RETRY_DELAYS_MS: '5,5,5' });
  page = await (await browser.newContext()).newPage();
  app = new LarderPage(page);
  // 20 espressos, 3 burgers of which one without bun (a subtraction), and an item nobody mapped.
  fake.data.setDaySales(Number(HARBOUR), TEST_DAY, [
    handMadeSale('n1', `${TEST_DAY}T09:00:00Z`, [{ id: 'N-espresso', name: 'Espresso', sku: harbourItem('Espresso').sku, quantity: '20.000' }]),
    handMadeSale('n2', `${TEST_DAY}T12:00:00Z`, [
      { id: 'N-burger', name: 'Classic Burger', sku: harbourItem('Classic Burger').sku, quantity: '3.000' },
      { id: 'N-nobun', name: 'No bun', sku: harbourItem('No bun').sku, quantity: '1.000', parentLineId: 'N-burger' },
      { id: 'N-cake', name: 'Cheesecake', sku: harbourItem('Cheesecake').sku, quantity: '2.000' },
    ]),
  ]);
});

test.afterAll(async () => {
  await page?.close();
  await larder?.stop();
  await fake?.close();
});

test('a newcomer sets up Larder from the screens: inventory, Lightspeed, mappings, migration, a manual day, the ledger', async () => {
  await app.open(larder.url);
  const checklist = page.getByRole('list', { name: 'Setup checklist' });
  await expect(page.getByText('Next: Create storage units')).toBeVisible();
  await app.screenshot('home-checklist-empty');

  await test.step('import the inventory setup', async () => {
    await checklist.getByRole('button', { name: 'Create storage units' }).click();
    await expect(page.getByRole('heading', { name: 'Inventory', level: 2 })).toBeVisible();
    await page.locator('input[type=file]').setInputFiles('test/fixtures/setup-newcomer.json');
    await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText('ingredients: 4 new');
  });

  await test.step('connect Lightspeed, clicking Authorize on the consent page', async () => {
    await app.lightspeed();
    await expect(page.getByRole('button', { name: 'Use demo account' })).toBeVisible();
    await app.screenshot('connection-not-connected');
    await app.choose('Environment', 'Other addresses (for testing)');
    await page.getByLabel('Authorize URL').fill(fake.authorizeUrl);
    await page.getByLabel('Token URL').fill(fake.tokenUrl);
    await page.getByLabel('API URL').fill(fake.apiUrl);
    await page.getByLabel('Client id').fill(fake.client.clientId);
    await page.getByLabel('Client secret').fill(fake.client.clientSecret);
    await page.getByRole('button', { name: 'Save client settings' }).click();
    await expect(page.getByRole('button', { name: 'Use demo account' })).toBeHidden();
    await approveInNewTab(() => page.getByRole('button', { name: 'Connect to Lightspeed' }).click());
    await expect(page.locator('[data-status="active"]')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Connection details' })).toContainText('Other addresses (for testing)');
    await app.screenshot('connection-active');
  });

  await test.step('sync locations and link a storage unit', async () => {
    await app.section('Locations');
    await page.getByRole('button', { name: 'Sync locations' }).click();
    const table = page.getByRole('table', { name: 'Locations' });
    await expect(table.getByRole('row')).toHaveCount(5);
    await expect(table.locator(`[data-location="${HARBOUR}"]`)).toContainText('No storage unit');
    await expect(table).toContainText('Pacific/Tongatapu');
    // Names first, in words: the POS's internal location id is not a column a manager reads.
    await expect(table.getByRole('columnheader').first()).toHaveText('Name');
    await expect(table).not.toContainText(HARBOUR);
    await app.screenshot('locations');
    await table.getByRole('button', { name: 'Harbour Restaurant' }).click();
    await expect(page.getByText('No storage unit linked')).toBeVisible();
    await app.choose('Storage unit', 'Main Kitchen');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('No storage unit linked')).toBeHidden();
  });

  await test.step('sync items and map an ingredient, a recipe and a subtraction', async () => {
    await app.section('Items');
    await page.getByRole('button', { name: 'Sync items' }).click();
    await expect(page.getByLabel('Catalog coverage')).toHaveText('0 of 36 mapped');
    await app.screenshot('items');
    await mapItem('Espresso', /^Coffee beans/, '0.009', { screenshot: 'mapping-sheet' });
    await mapItem('Classic Burger', /^Classic Burger recipe/, '1');
    await mapItem('No bun', /^Burger bun/, '1', { subtraction: true });
    await expect(page.getByLabel('Catalog coverage')).toHaveText('3 of 36 mapped');
    await page.getByLabel('Search').fill('');
    await page.getByRole('radio', { name: 'Mapped', exact: true }).dispatchEvent('click');
    await expect(page.getByRole('rowgroup', { name: 'Items rows' }).getByRole('row')).toHaveCount(3);
    await expect(page.locator(`[data-item-id="${harbourItem('No bun').id}"]`)).toContainText('subtraction');
  });

  await test.step('activate the location and watch the migration complete', async () => {
    await app.section('Locations');
    await page.getByRole('button', { name: 'Harbour Restaurant' }).click();
    await page.getByRole('button', { name: 'Activate location…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Activate Harbour Restaurant?' });
    await expect(confirm).toContainText('90-day migration');
    await confirm.getByRole('button', { name: 'Activate and start the migration' }).click();
    await expect(page.locator('[data-migration-status="completed"]')).toBeVisible({ timeout: 180_000 });
    const days = page.getByRole('group', { name: 'Migration days' }).getByRole('listitem');
    await expect(days).toHaveCount(90);
    await expect(days.first()).toHaveAttribute('data-day', '2026-02-07');
    await days.last().hover();
    await expect(page.locator('[data-day-figures]')).toContainText(`${shownDay('2026-05-07')}: posted`);
    await expect(page.getByRole('list', { name: /May/ })).toBeVisible();
    await app.screenshot('location-detail-migration-grid');
    // Re-running asks first, and says what it replaces.
    await page.getByRole('button', { name: 'Re-run migration…' }).click();
    const rerun = page.getByRole('dialog', { name: 'Re-run the 90-day migration?' });
    await expect(rerun).toContainText(`${shownDay('2026-02-07')} to ${shownDay('2026-05-07')}`);
    await app.screenshot('migration-rerun-confirmation');
    await rerun.getByRole('button', { name: 'Keep the days as they are' }).click();
    await expect(page.locator('[data-migration-status="completed"]')).toBeVisible();
    // A square opens its day's log.
    await days.last().click();
    await expect(page.getByRole('heading', { level: 2, name: `Harbour Restaurant, business day ${shownDay('2026-05-07')}` })).toBeVisible();
    await page.getByRole('button', { name: '← Transfer logs' }).click();
    await app.section('Locations');
    await page.getByRole('table', { name: 'Locations' }).getByRole('button', { name: 'Harbour Restaurant' }).click();
  });

  await test.step('run a manual issue for one day', async () => {
    // Yesterday where the restaurant is, by Larder's clock (never the PC's), and force refresh on.
    await expect(page.getByLabel('Manual issue: business date')).toHaveValue('2026-05-07');
    await expect(page.getByLabel(/force refresh/)).toBeChecked();
    await page.getByLabel('Manual issue: business date').fill(TEST_DAY);
    await page.getByRole('button', { name: 'Run issue for this day' }).click();
    const result = page.locator('[data-transfer-result]');
    // One line of four had no mapping: amber, with the count and the item to map, never a green "posted".
    await expect(result).toContainText(`${shownDay(TEST_DAY)}: posted, 1 of 4 lines unmapped`);
    await expect(result).toHaveAttribute('data-outcome', 'yellow');
    await expect(result).toContainText('because these items are not mapped: Cheesecake');
    await expect(result.locator('[data-outside-window]')).toContainText(`outside the migration’s 90 days (${shownDay('2026-02-07')} to ${shownDay('2026-05-07')})`);
    await app.screenshot('location-detail-manual-issue');
    await result.getByRole('button', { name: 'Open the transfer log' }).click();
    await expect(page.getByRole('heading', { name: new RegExp(`Harbour Restaurant, business day ${shownDay(TEST_DAY)}`) })).toBeVisible();
    await expect(page.getByLabel('Unmapped names')).toContainText('Cheesecake');
    await expect(page.getByText('1 of 4 sold lines deducted nothing')).toBeVisible();
    // One entry per ingredient of the day: coffee, bun, patty and tomato.
    await expect(page.getByRole('table', { name: 'Ledger entries of this transfer' }).getByRole('row')).toHaveCount(1 + 4);
    await app.screenshot('log-detail');
  });

  await test.step('hold the day against Lightspeed’s Transactions export, item by item', async () => {
    await app.section('Locations');
    await page.getByRole('table', { name: 'Locations' }).getByRole('button', { name: 'Harbour Restaurant' }).click();
    // Back Office lists a refund of one espresso that Larder never received.
    const exported = join(mkdtempSync(join(tmpdir(), 'larder-e2e-')), 'transactions.csv');
    const row = (type: string, time: string, name: string, quantity: string) => `${type};06/02/2026 ${time};A-${time};${name};${harbourItem(name).sku};${quantity};0,00`;
    writeFileSync(
      exported,
      [
        'Type;Date;Account;Item;SKU;Quantity;Amount',
        row('Sale', '10:00', 'Espresso', '20,000'),
        row('Sale', '13:00', 'Classic Burger', '3,000'),
        row('Sale', '13:00', 'No bun', '1,000'),
        row('Sale', '13:00', 'Cheesecake', '2,000'),
        row('Refund', '15:00', 'Espresso', '-1,000'),
      ].join('\r\n'),
    );
    await page.locator('input[type=file]').setInputFiles(exported);
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: '1 of 4 items differ over 1 day' })).toBeVisible();
    const differing = page.getByRole('region', { name: 'Items that differ' });
    await expect(differing.getByRole('row')).toHaveCount(2);
    await expect(differing).toContainText('Espresso');
    await app.screenshot('location-transactions-compare');
  });

  await test.step('see the exact quantities in the ledger', async () => {
    await app.section('Ledger');
    await app.choose('Location', 'Harbour Restaurant');
    await page.getByRole('textbox', { name: 'From date' }).fill(TEST_DAY);
    await page.getByRole('textbox', { name: 'To date' }).fill(TEST_DAY);
    await app.choose('Ingredient', 'Coffee beans');
    const totals = page.getByLabel('Totals');
    await expect(totals).toContainText('1 entry');
    await expect(totals).toContainText('−0.180 kg');
    await expect(totals).toContainText('−€3.24');
    await expect(page.getByLabel('Daily use of Coffee beans')).toBeVisible();
    await app.choose('Ingredient', 'Burger bun');
    // Three burgers take three buns; the one sold without bun gives one back.
    await expect(totals).toContainText('−2 piece');
    await expect(totals).toContainText('1 entry');
    const byDay = page.getByRole('table', { name: 'Ledger by day' });
    await expect(byDay.getByRole('row')).toHaveCount(1 + 1);
    await expect(byDay).toContainText(shownDay(TEST_DAY));
    await app.screenshot('ledger');
    // The day's row opens on its entries, and the bun entry on the lines behind it: the burgers took buns, the "No bun" gave one back.
    await byDay.getByRole('button', { name: `Burger bun in Main Kitchen on ${shownDay(TEST_DAY)}: 1 entry` }).click();
    const dayEntries = page.getByRole('table', { name: 'Entries of this day' });
    await expect(dayEntries.getByRole('row')).toHaveCount(1 + 1);
    await dayEntries.getByRole('button', { name: /sales lines/ }).click();
    const lines = page.getByRole('table', { name: 'Sales lines of this entry' });
    await expect(lines).toContainText('Classic Burger');
    await expect(lines).toContainText('No bun');
    await app.screenshot('ledger-entry-lines');
    await page.keyboard.press('Escape');
    await expect(lines).toBeHidden();
    await page.keyboard.press('Escape');
    await expect(dayEntries).toBeHidden();
    await page.getByRole('tab', { name: 'Entries' }).click();
    await expect(page.getByRole('table', { name: 'Ledger entries' })).toContainText('Sales (issue)');
    await app.screenshot('ledger-entries');
    await page.getByRole('tab', { name: 'Stock on hand' }).click();
    await expect(page.getByRole('table', { name: 'Stock on hand' })).toContainText('Coffee beans');
    await app.screenshot('ledger-stock-on-hand');
  });

  await test.step('a day still open cannot be picked for a manual issue', async () => {
    await app.section('Locations');
    await page.getByRole('button', { name: 'Harbour Restaurant' }).click();
    const date = page.getByLabel('Manual issue: business date');
    await expect(date).toHaveAttribute('max', '2026-05-07');
    await date.fill('2026-05-08');
    await page.getByRole('button', { name: 'Run issue for this day' }).click();
    // The picker refuses it before anything is sent: no run, no refusal from main.
    expect(await date.evaluate((input) => (input as unknown as { validity: { rangeOverflow: boolean } }).validity.rangeOverflow)).toBe(true);
    await expect(page.locator('[data-error-code]')).toHaveCount(0);
    await app.screenshot('error-state');
  });

  await test.step('logs, settings and the checklist', async () => {
    await app.section('Transfer logs');
    // Newest business day first: the manual day before the migration's 90 is found by its date.
    await page.getByLabel('From business date').fill(TEST_DAY);
    await page.getByLabel('To business date').fill(TEST_DAY);
    await expect(page.getByRole('table', { name: 'Transfer logs' })).toContainText('hand (manual issue)');
    await app.screenshot('transfer-logs');
    await app.section('Settings');
    await page.getByLabel('Run every night at').fill('05:15');
    await page.getByRole('button', { name: 'Save time' }).click();
    await expect(page.getByLabel('Run every night at')).toHaveValue('05:15');
    await page.getByRole('button', { name: 'Save a diagnostics file' }).click();
    await expect(page.locator('[data-diagnostics-path]')).toContainText('larder-diagnostics-');
    await app.screenshot('settings');
    await app.section('Home');
    for (const step of ['storage_units', 'recipes', 'connect', 'activate', 'check_migration', 'test_one_day', 'check_ledger', 'auto_issue']) {
      await expect(checklist.locator(`[data-step="${step}"]`)).toHaveAttribute('data-done', 'true');
    }
    // Three items mapped out of a busy menu: most of Main Kitchen's takings still deduct nothing, and Home says how much.
    await expect(checklist.locator('[data-step="map_items"]')).toHaveAttribute('data-done', 'false');
    await expect(checklist.locator('[data-step="map_items"]')).toContainText('sales value mapped over the last 30 days');
    // In the browser nothing runs at night: the checklist says the desktop app posts each night, never that this does.
    await expect(checklist.locator('[data-step="auto_issue"]')).toContainText('the desktop app then posts each closed day every night');
    await app.section('Sales sources');
    await expect(page.getByRole('region', { name: 'Lightspeed K-Series' })).toContainText('posts each night from the desktop app');
    await app.section('Home');
    await app.screenshot('home-checklist-done');
  });
});

test('a revoked sign-in shows the disconnected banner, and Reauthorize restores it with every mapping and log kept', async () => {
  await app.section('Transfer logs');
  const logsBefore = await page.getByRole('table', { name: 'Transfer logs' }).getAttribute('aria-rowcount');
  fake.oauth.revokeAll();
  await app.lightspeed();
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.locator('[data-status="disconnected"]')).toBeVisible();
  await expect(page.locator('[data-alert-code="disconnected"]')).toContainText('Reauthorize');
  await app.section('Locations');
  await expect(page.locator('[data-banner="disconnected"]')).toBeVisible();
  await app.screenshot('disconnected-banner');

  await page.getByRole('button', { name: 'Open the Lightspeed connection' }).click();
  await approveInNewTab(() => page.getByRole('button', { name: 'Reauthorize' }).click());
  await expect(page.locator('[data-status="active"]')).toBeVisible();
  await app.section('Items');
  await expect(page.getByLabel('Catalog coverage')).toHaveText('3 of 36 mapped');
  await app.section('Transfer logs');
  await expect(page.getByRole('table', { name: 'Transfer logs' })).toHaveAttribute('aria-rowcount', logsBefore ?? '');
});

test('with the fake K-Series stopped, logs, a log, the ledger and a location still load from the local database', async () => {
  await fake.close();
  await page.reload();
  await app.section('Transfer logs');
  const logs = page.getByRole('table', { name: 'Transfer logs' });
  await expect(logs).toContainText('Harbour Restaurant');
  await page.getByLabel('From business date').fill(TEST_DAY);
  await page.getByLabel('To business date').fill(TEST_DAY);
  await logs.getByRole('button', { name: new RegExp(`Harbour Restaurant ${shownDay(TEST_DAY)}`) }).first().click();
  await expect(page.getByLabel('Unmapped names')).toContainText('Cheesecake');
  await expect(await app.ledgerEntries()).toContainText('Sales (issue)');
  await expect(page.getByLabel('Totals')).toBeVisible();
  await app.section('Locations');
  await page.getByRole('button', { name: 'Harbour Restaurant' }).click();
  await expect(page.getByRole('group', { name: 'Migration days' }).getByRole('listitem')).toHaveCount(90);
  await expect(page.getByLabel('Catalog mapped')).toContainText('3 of');
  await app.screenshot('offline-location-detail');

  // Disconnecting on purpose says so, offers no test, and raises no alarm on the other screens.
  await app.lightspeed();
  await page.getByRole('button', { name: 'Disconnect…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Disconnect Lightspeed?' });
  await confirm.getByLabel('Type DISCONNECT to confirm').fill('DISCONNECT');
  await confirm.getByRole('button', { name: 'Disconnect', exact: true }).click();
  await expect(page.locator('[data-status="disconnected"]')).toHaveText('Disconnected by you');
  await expect(page.getByText(/^Disconnected by you on /)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Test connection' })).toHaveCount(0);
  await app.screenshot('connection-disconnected-by-you');
  await app.section('Items');
  await expect(page.locator('[data-banner="disconnected"]')).toHaveCount(0);
});
