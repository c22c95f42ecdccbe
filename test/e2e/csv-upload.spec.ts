import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, launchLarder, test } from './fixtures';
import { LarderPage } from './pages/larder-page';

// A till without an integration, from the screens: a CSV profile described with a sample file, a
// German export previewed (an invalid row shown), its codes mapped, posted with the invalid row
// skipped, the ledger and the log read, a correction of one day posted with Replace, then reverted.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

let larder: Awaited<ReturnType<typeof launchLarder>>;
let page: Page;
let app: LarderPage;
const folder = mkdtempSync(join(tmpdir(), 'larder-csv-e2e-'));

/** A Windows-1252 export as the till writes it (umlauts in Latin-1 bytes, which Windows-1252 shares). */
function export1252(name: string, rows: string[]): string {
  const path = join(folder, name);
  writeFileSync(path, Buffer.from(['Bon;Datum;Filiale;Artikelnr;Artikel;Menge;Umsatz', ...rows].join('\r\n') + '\r\n', 'latin1'));
  return path;
}

const firstFile = export1252('kasse-mai.csv', [
  'B1;06.05.2026;Mitte;1001;Käsespätzle;2;25,80',
  'B2;06.05.2026;Mitte;1002;Apfelschorle;1.250,5;2.876,15',
  'B3;06.05.2026;Bar;2001;Grüner Tee;3;13,50',
  'B4;06.05.2026;Mitte;1001;Käsespätzle;zwei;25,80',
]);
const correction = export1252('kasse-korrektur.csv', ['K1;06.05.2026;Mitte;1001;Käsespätzle;4;51,60']);

test.beforeAll(async ({ browser }) => {
  larder = await launchLarder({ LARDER_NOW: '2026-05-08T10:00:00Z' });
  page = await (await browser.newContext()).newPage();
  app = new LarderPage(page);
  await app.open(larder.url);
  await app.importSetup('test/fixtures/setup-three-levels.json');
});

test.afterAll(async () => {
  await page?.close();
  await larder?.stop();
});

test('a CSV till from the screens: profile, preview with an invalid row, post, ledger and log, replace, revert', async () => {
  await test.step('describe the export in a profile, checked live on a sample file', async () => {
    await app.section('Sales sources');
    await expect(page.getByRole('region', { name: 'Lightspeed K-Series' })).toContainText('Not connected');
    await page.getByRole('button', { name: 'Add a CSV profile' }).click();
    const form = page.getByRole('form', { name: 'Profile settings' });
    await form.getByLabel('Profile name').fill('Kassenexport');
    await app.choose('Encoding', 'Windows-1252', form);
    await app.choose('Delimiter', 'Semicolon ;', form);
    await app.choose('Decimal separator', 'Comma: 1,5', form);
    await app.choose('Thousands separator', 'Point: 1.234', form);
    await app.choose('Date format', /^DD\.MM\.YYYY$/, form);
    await app.chooseFile('Sample file', firstFile);
    // The file's first rows show before the profile is complete, and its columns are picked from lists.
    await expect(page.getByRole('table', { name: 'The file’s first rows' })).toContainText('Artikelnr');
    for (const [label, column] of [
      ['POS code column', 'Artikelnr'],
      ['Quantity column', 'Menge'],
      ['Date column', 'Datum'],
      ['Item name column', 'Artikel'],
      ['Net amount column', 'Umsatz'],
      ['Row id column', 'Bon'],
      ['Location column', 'Filiale'],
    ] as const) {
      await app.choose(label, new RegExp(`^${column}$`), form);
    }
    await form.getByLabel('Location 1', { exact: true }).fill('Mitte');
    await app.choose('Storage unit of location 1', 'Main Kitchen', form);
    await form.getByRole('button', { name: 'Add a location' }).click();
    await form.getByLabel('Location 2', { exact: true }).fill('Bar');
    await app.choose('Storage unit of location 2', 'Bar Storage', form);
    const sample = page.getByRole('table', { name: 'First rows as read' });
    await expect(sample).toContainText('Käsespätzle');
    await expect(sample).toContainText('1,250.5');
    await expect(page.getByRole('table', { name: 'Invalid rows' })).toContainText('zwei');
    await app.screenshot('csv-profile-editor');
    await form.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByRole('heading', { name: 'Sales sources', level: 2 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Kassenexport' })).toContainText('No uploads yet');
    await app.screenshot('sales-sources');
  });

  await test.step('preview the file: the invalid row named, the codes not mapped yet, nothing posted', async () => {
    await page.getByRole('region', { name: 'Kassenexport' }).getByRole('button', { name: 'Upload a file' }).click();
    await app.chooseFile('File', firstFile);
    const invalid = page.getByRole('table', { name: 'Invalid rows' });
    await expect(invalid.locator('[data-row="5"]')).toContainText('Menge');
    await expect(invalid.locator('[data-row="5"]')).toContainText('zwei');
    await expect(page.getByRole('table', { name: 'Days to post' })).toContainText('Main Kitchen');
    await expect(page.getByRole('table', { name: 'Codes' }).locator('[data-mapped="false"]')).toHaveCount(3);
    await expect(page.getByRole('button', { name: /^Post / })).toBeDisabled();
    await app.screenshot('csv-upload-preview');
  });

  await test.step('map the codes on the Items screen', async () => {
    await page.getByRole('button', { name: 'Map the 3 unmapped codes' }).click();
    await expect(page.getByRole('heading', { name: 'Items', level: 2 })).toBeVisible();
    await app.mapItem('1001', /^Tomato/, '0.1');
    await app.mapItem('1002', /^Sunflower oil/, '0.01');
    await app.mapItem('2001', /^Coffee beans/, '0.009');
  });

  await test.step('post with the invalid row skipped; the ledger and the log show it', async () => {
    await app.section('Sales sources');
    await page.getByRole('region', { name: 'Kassenexport' }).getByRole('button', { name: 'Upload a file' }).click();
    await app.chooseFile('File', firstFile);
    await expect(page.getByRole('table', { name: 'Deductions' })).toContainText('Tomato');
    await expect(page.getByRole('table', { name: 'Deductions' })).toContainText('−0.200 kg');
    await page.getByLabel('Skip invalid rows (the log lists them)').check();
    await page.getByRole('button', { name: 'Post 2 days of sales at 2 locations' }).click();
    const posted = page.getByRole('status').filter({ hasText: 'kasse-mai.csv' });
    await expect(posted).toContainText('3 rows posted over 2 days of sales at 2 locations');
    await app.screenshot('csv-upload-posted');

    const ledger = await app.ledgerEntries();
    await expect(ledger).toContainText('Kassenexport/Mitte');
    await expect(ledger).toContainText('−0.2');
    await expect(ledger).toContainText('−12.505');

    await app.section('Transfer logs');
    const logs = page.getByRole('table', { name: 'Transfer logs' });
    await expect(logs).toContainText('Mitte');
    await logs.getByRole('button', { name: /Mitte/ }).first().click();
    await expect(page.getByText('Posted from the CSV file')).toContainText('kasse-mai.csv');
    await expect(page.getByRole('table', { name: 'Invalid rows' })).toContainText('zwei');
    await app.screenshot('csv-log-detail');
  });

  await test.step('a correction of one day is refused until Replace is chosen, then replaces that day only', async () => {
    await app.section('Sales sources');
    await page.getByRole('region', { name: 'Kassenexport' }).getByRole('button', { name: 'Upload a file' }).click();
    await app.chooseFile('File', correction);
    await expect(page.getByRole('table', { name: 'Days to post' })).toContainText('Posted before');
    await expect(page.getByRole('button', { name: 'Post 1 day of sales' })).toBeDisabled();
    await page.getByRole('radio', { name: 'Replace those days' }).check();
    await page.getByRole('button', { name: 'Post 1 day of sales' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'kasse-korrektur.csv' })).toContainText('1 row posted over 1 day of sales');
    const ledger = await app.ledgerEntries();
    await expect(ledger).toContainText('−0.4');
    await expect(ledger).not.toContainText('−12.505');
  });

  await test.step('revert the correction: its entries go, its log stays marked reverted', async () => {
    await app.section('Sales sources');
    await page.getByRole('button', { name: 'Upload sales' }).click();
    const uploads = page.getByRole('table', { name: 'Uploads' });
    await expect(uploads.locator('[data-status="posted"]')).toHaveCount(2);
    // The first file's Mitte day is the correction's now, and its row says so.
    await expect(uploads.locator('tr', { hasText: 'kasse-mai.csv' })).toContainText('1 day replaced by a later upload');
    // The correction chosen again is "posted before"; reverted, the screen reads it anew and it may be posted again.
    await app.choose('CSV profile', 'Kassenexport');
    await app.chooseFile('File', correction);
    await expect(page.getByText('This file was posted before')).toBeVisible();
    await uploads.locator('tr', { hasText: 'kasse-korrektur.csv' }).getByRole('button', { name: 'Revert' }).click();
    await page.getByRole('dialog', { name: 'Revert this upload?' }).getByRole('button', { name: 'Revert upload' }).click();
    await expect(uploads.locator('tr', { hasText: 'kasse-korrektur.csv' })).toHaveAttribute('data-status', 'reverted');
    await expect(page.getByText('This file was posted before')).toHaveCount(0);
    await app.screenshot('csv-uploads-reverted');
    await expect(await app.ledgerEntries()).not.toContainText('−0.4');
    await app.section('Transfer logs');
    await expect(page.getByRole('table', { name: 'Transfer logs' })).toContainText('reverted');
  });
});
