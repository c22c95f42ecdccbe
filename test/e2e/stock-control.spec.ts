import { expect, test } from './fixtures';
import { InventoryPage } from './pages/inventory-page';
import { LarderPage } from './pages/larder-page';

// Counts close the loop: count a storage unit, waste some, count again, and the variance report says
// in one sentence what the sales do not explain.
test('a manager counts a storage unit twice around some waste and reads the variance report’s top line', async ({ page, larder }) => {
  const app = new LarderPage(page);
  const inventory = new InventoryPage(page);
  await app.open(larder.url);
  await app.importSetup('test/fixtures/setup-three-levels.json');

  const count = async (at: string | null, tomato: string, addBlank?: string) => {
    await inventory.tab('Counts');
    await app.choose('Storage unit', 'Main Kitchen');
    if (at) await page.getByLabel('Counted at').fill(at);
    await page.getByRole('button', { name: 'Start a count' }).click();
    await page.getByLabel('Counted Tomato').fill(tomato);
    if (addBlank) {
      // An ingredient found where the ledger has none, added to the sheet and left blank: a partial count.
      await app.choose('Add an ingredient to the sheet', addBlank);
      await expect(page.getByText('1 of 2 ingredients are blank: they are not counted')).toBeVisible();
      await app.screenshot('count-sheet');
    }
    await page.getByRole('button', { name: 'Finish count…' }).click();
    // A summary first: what was counted and the largest differences with their value, then the confirmation.
    const summary = page.getByRole('dialog', { name: /Finish the count of Main Kitchen/ });
    await expect(summary).toContainText('1 ingredient counted');
    if (!addBlank) {
      // The second count finds 0.2 kg less than the ledger expects after the waste: shown with its value before posting.
      await expect(summary.getByRole('table', { name: 'Largest differences' })).toContainText('Tomato');
      await expect(summary.getByRole('table', { name: 'Largest differences' })).toContainText('−0.200 kg');
      await app.screenshot('count-finish-summary');
    }
    await summary.getByRole('button', { name: 'Finish count', exact: true }).click();
    await expect(page.getByRole('table', { name: 'Counts' }).getByText('Finished').first()).toBeVisible();
  };
  await count('2026-01-10T08:00', '3,5', 'Coffee beans');
  await app.screenshot('counts');
  // The tab is in the address: a reload (or back) returns to it.
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Counts' })).toHaveAttribute('aria-selected', 'true');

  await inventory.tab('Waste and moves');
  await app.choose('Storage unit', 'Main Kitchen');
  await app.choose(/^Ingredient$/, 'Tomato');
  // Nothing wasted is refused before saving, in the words every quantity field uses.
  await page.getByLabel('Quantity', { exact: true }).fill('0');
  await expect(page.getByText('Quantity: type an amount above 0 (0,009 and 0.009 both work)')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Record waste' })).toBeDisabled();
  await page.getByLabel('Quantity', { exact: true }).fill('0,5');
  await app.choose('Reason', 'spoiled');
  await page.getByRole('button', { name: 'Record waste' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Waste of 0,5 Tomato recorded' })).toBeVisible();

  await count(null, '2.8');
  await inventory.tab('Stock on hand');
  await expect(page.getByRole('table', { name: 'Stock on hand' })).toContainText('2.800 kg');

  await app.section('Reports');
  await page.getByRole('button', { name: 'Show variance' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Used' })).toContainText('Used 0.200 kg more Tomato than the sales explain, worth 0.58.');
  await expect(page.getByRole('table', { name: 'Variance' })).toContainText('−0.200 kg');
  await app.screenshot('variance-report');
});
