import type { Page } from '@playwright/test';
import { startFakeSides, type FakeSides } from '../../electron/demo/fake-sides/fake-sides';
import { expect, launchLarder, shownDay, test } from './fixtures';
import { LarderPage } from './pages/larder-page';

// A Sides POS from the screens, against the fake Sides: add the source (a wrong password first),
// sync stores and products, link a store, map two products, activate, watch the migration, open a log.
test.describe.configure({ mode: 'serial', timeout: 240_000 });

const NOW = '2026-05-08T10:00:00Z';
let fake: FakeSides;
let larder: Awaited<ReturnType<typeof launchLarder>>;
let page: Page;
let app: LarderPage;

test.beforeAll(async ({ browser }) => {
  fake = await startFakeSides({ today: '2026-05-08', demoDays: 120 });
  larder = await launchLarder({ LARDER_NOW: NOW });
  page = await (await browser.newContext()).newPage();
  app = new LarderPage(page);
  await app.open(larder.url);
  await app.importSetup('test/fixtures/setup-three-levels.json');
});

test.afterAll(async () => {
  await page?.close();
  await larder?.stop();
  await fake?.close();
});

test('a Sides POS from the screens: connect, sync, link, map, activate, migrate, read a log', async () => {
  await test.step('connect: a wrong password saves nothing, the right one connects', async () => {
    await app.section('Sales sources');
    await page.getByRole('region', { name: 'Sides POS' }).getByRole('button', { name: 'Connect' }).click();
    await expect(page.getByRole('heading', { name: 'Sides POS', level: 2 })).toBeVisible();
    await page.getByLabel('Sides address').fill(fake.url);
    await page.getByLabel('User name').fill('demo@larder.test');
    await page.getByRole('textbox', { name: 'Password' }).fill('wrong');
    await page.getByRole('button', { name: 'Connect to Sides' }).click();
    await expect(page.locator('[data-error-code="sides_auth_failed"]')).toBeVisible();
    await app.screenshot('sides-wrong-password');
    await page.getByRole('textbox', { name: 'Password' }).fill('demo-password');
    await page.getByRole('button', { name: 'Connect to Sides' }).click();
    await expect(page.locator('[data-status="connected"]')).toContainText('demo@larder.test');
  });

  await test.step('sync stores and products', async () => {
    await page.getByRole('button', { name: 'Sync stores' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'stores synced' })).toContainText('2 stores synced (2 new)');
    await page.getByRole('button', { name: 'Sync products' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'products' })).toContainText('7 products of 2 stores synced');
    await app.screenshot('sides-connected');
  });

  await test.step('link Kreuzberg Kitchen to Main Kitchen, and map two products', async () => {
    await app.section('Locations');
    const table = page.getByRole('table', { name: 'Locations' });
    await expect(table.locator('[data-location="st_2"]')).toContainText('Europe/Berlin');
    // Sides names no zone for Wien Mitte: Larder took Europe/Berlin, and the manager corrects it.
    await table.getByRole('button', { name: 'Wien Mitte' }).click();
    await page.getByRole('combobox', { name: 'Time zone' }).fill('Europe/Vienna');
    await page.getByRole('button', { name: 'Save time zone' }).click();
    await expect(page.getByText('Location st_2')).toContainText('Europe/Vienna');
    await app.section('Locations');
    await table.getByRole('button', { name: 'Kreuzberg Kitchen' }).click();
    await app.choose('Storage unit', 'Main Kitchen');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('No storage unit linked')).toBeHidden();
    await app.section('Items');
    await app.mapItem('p_pizza', /^Tomato/, '0.05');
    await app.mapItem('p_cola', /^Sunflower oil/, '0.01');
  });

  await test.step('activate the store and watch the 90-day migration complete', async () => {
    await app.section('Locations');
    await page.getByRole('button', { name: 'Kreuzberg Kitchen' }).click();
    await page.getByRole('button', { name: 'Activate location…' }).click();
    await page.getByRole('dialog', { name: 'Activate Kreuzberg Kitchen?' }).getByRole('button', { name: 'Activate and start the migration' }).click();
    await expect(page.locator('[data-migration-status="completed"]')).toBeVisible({ timeout: 180_000 });
    await expect(page.getByRole('group', { name: 'Migration days' }).getByRole('listitem')).toHaveCount(90);
    await app.screenshot('sides-migration');
  });

  await test.step('open a log of the migration', async () => {
    await app.section('Transfer logs');
    await page.getByRole('button', { name: new RegExp(`^Log \\d+: Kreuzberg Kitchen ${shownDay('2026-05-07')}$`) }).click();
    await expect(page.getByRole('heading', { name: `Kreuzberg Kitchen, business day ${shownDay('2026-05-07')}` })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Ledger entries of this transfer' })).toContainText('Main Kitchen');
    await app.screenshot('sides-log');
  });
});
