import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, launchLarder, test } from './fixtures';
import { LarderPage } from './pages/larder-page';

// A café with a Square till and no profile: its Items Detail export dropped on Upload sales is
// recognised, the preset accepted with one storage unit named, an item and a modifier mapped, the
// file posted, and the food cost read from the file's own amounts.
test.describe.configure({ timeout: 180_000 });

const folder = mkdtempSync(join(tmpdir(), 'larder-presets-e2e-'));
const squareFile = join(folder, 'items-2026-10-08-2026-10-09.csv');
copyFileSync('test/fixtures/csv/presets/square-items-detail.csv', squareFile);
const setupFile = join(folder, 'cafe-setup.json');
writeFileSync(
  setupFile,
  JSON.stringify({
    storageUnits: [{ name: 'Café counter' }],
    ingredients: [
      { name: 'Espresso beans', unit: 'kg' },
      { name: 'Oat milk', unit: 'l' },
    ],
    receipts: [
      { ingredient: 'Espresso beans', storageUnit: 'Café counter', quantity: '5', value: '100', date: '2026-10-01' },
      { ingredient: 'Oat milk', storageUnit: 'Café counter', quantity: '20', value: '40', date: '2026-10-01' },
    ],
  }),
);

test('a Square export dropped on Upload sales: the preset proposed, an item and a modifier mapped, posted, the food cost read', async ({ browser }) => {
  const larder = await launchLarder({ LARDER_NOW: '2026-10-10T10:00:00Z' });
  const page = await (await browser.newContext()).newPage();
  const app = new LarderPage(page);
  try {
    await app.open(larder.url);
    await app.importSetup(setupFile);

    await app.section('Sales sources');
    await page.getByRole('button', { name: 'Upload sales' }).click();
    await app.dropFile('File to upload', squareFile);
    const proposal = page.getByRole('region', { name: 'Proposed preset' });
    await expect(proposal).toContainText('This looks like a Square export: Items Detail');
    await app.choose('Storage unit for “Harbour Cafe”', 'Café counter', proposal);
    await app.screenshot('csv-preset-proposed');
    await proposal.getByRole('button', { name: 'Use the Square preset' }).click();

    // The preview reads the file with the new profile: items with their variant, modifiers of their own.
    const codes = page.getByRole('table', { name: 'Codes' });
    await expect(codes).toContainText('Latte (Regular)');
    await expect(codes.locator('tr', { hasText: 'Oat Milk' })).toContainText('modifier');
    await page.getByRole('button', { name: /^Map the \d+ unmapped codes$/ }).click();
    await app.mapItem('Latte (Regular)', /^Espresso beans/, '0.018');
    await app.mapItem('Oat Milk', /^Oat milk/, '0,2');

    // The profile the preset made is an ordinary profile: its form shows the columns, and says in words what it leaves out.
    await app.section('Sales sources');
    await page.getByRole('region', { name: 'Square' }).getByRole('button', { name: 'Edit profile' }).click();
    await expect(page.getByRole('form', { name: 'Profile settings' }).getByRole('combobox', { name: 'Modifiers column' })).toHaveValue('Modifiers Applied');
    await expect(page.getByRole('alert', { name: 'Also in this profile' })).toContainText('Rows with “Refund” in Event Type are refunds');
    await app.screenshot('csv-preset-profile');
    // Saved from the form, the profile keeps what the form does not edit.
    await page.getByRole('form', { name: 'Profile settings' }).getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('region', { name: 'Square' }).getByRole('button', { name: 'Edit profile' }).click();
    await expect(page.getByRole('alert', { name: 'Also in this profile' })).toContainText('are refunds');
    await expect(page.getByRole('combobox', { name: 'Currency of the amounts' })).toHaveValue('USD');
    await app.section('Sales sources');
    await page.getByRole('region', { name: 'Square' }).getByRole('button', { name: 'Upload a file' }).click();
    await app.chooseFile('File', squareFile);
    const deductions = page.getByRole('table', { name: 'Deductions' });
    await expect(deductions).toContainText('Espresso beans');
    await expect(deductions).toContainText('Oat milk');
    await page.getByRole('button', { name: 'Post 2 days of sales' }).click();
    await expect(page.getByRole('status').filter({ hasText: squareFile.split('/').pop() as string })).toContainText(/\d rows posted over 2 days of sales/);
    await app.screenshot('csv-preset-posted');

    // Food cost over the two days: the file's Net Sales (the refund not a sale) against what the mapped lines used.
    await app.section('Reports');
    await page.getByRole('tab', { name: 'Food cost' }).click();
    await app.choose('Location', 'Harbour Cafe');
    await page.getByLabel('From').fill('2026-10-08');
    await page.getByLabel('To').fill('2026-10-09');
    await page.getByRole('button', { name: 'Show food cost' }).click();
    await expect(page.getByLabel('Net sales')).toContainText('$1,059.00');
    await app.screenshot('csv-preset-food-cost');
  } finally {
    await page.close();
    await larder.stop();
  }
});
