import { expect, test } from './fixtures';
import { LarderPage } from './pages/larder-page';

// Mapping in one sitting: on the demo account with a location's 90 days imported, the top five of
// the unmapped work list are mapped through their suggestions, and the last 30 days are corrected
// through the reprocess preview.
test('a manager maps the top five unmapped items through suggestions, then applies them to the last 30 days', async ({ page, larder }) => {
  test.setTimeout(300_000);
  const app = new LarderPage(page);
  await app.open(larder.url);
  await app.demo();
  await expect(page.getByLabel('Mapping coverage')).toContainText('% of sales value mapped');

  await app.section('Items');
  await expect(page.getByRole('radio', { name: /^To map/ })).toBeChecked();
  await expect(page.getByLabel('Work list summary')).toContainText('The best-selling come first');
  const rows = page.getByRole('rowgroup', { name: 'Items rows' }).getByRole('row');
  // The top five, each with a suggestion to accept.
  await expect(rows.nth(4).getByRole('button', { name: /^Accept / })).toBeVisible();
  const topFive: string[] = [];
  for (let n = 0; n < 5; n++) {
    const row = rows.nth(n);
    topFive.push((await row.getAttribute('aria-label')) ?? '');
    await row.getByRole('checkbox').check();
  }
  await app.screenshot('items-work-list');
  // The sheet of the sixth: its suggestions first, and the place a mapping applies to.
  await rows.nth(5).click();
  const sheet = page.getByRole('dialog', { name: /^Map “/ });
  await expect(sheet.getByLabel('Suggestions')).toBeVisible();
  await expect(sheet.getByRole('combobox', { name: 'Applies to' })).toBeVisible();
  await sheet.getByLabel('Quantity per item sold').fill('1.234,5');
  await expect(sheet.getByText('Quantity per item sold: "1.234,5" has both a point and a comma')).toBeVisible();
  await expect(sheet.getByRole('button', { name: 'Save mapping' })).toBeDisabled();
  await app.screenshot('mapping-sheet-suggestions');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await page.getByRole('button', { name: 'Accept suggestions for 5 selected…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Accept 5 suggestions?' });
  for (const name of topFive) await expect(confirm.getByRole('table', { name: 'Suggestions to accept' })).toContainText(name);
  await app.screenshot('items-accept-suggestions');
  await confirm.getByRole('button', { name: 'Map 5 items' }).click();
  await expect(confirm).toBeHidden();
  for (const name of topFive) await expect(page.getByRole('rowgroup', { name: 'Items rows' }).locator(`[aria-label="${name}"]`)).toHaveCount(0);

  await expect(page.getByText('Mappings changed')).toBeVisible();
  await expect(page.getByLabel('Days to apply to')).toHaveValue('30');
  await page.getByRole('button', { name: 'Preview changes' }).click();
  const dialog = page.getByRole('dialog', { name: 'Apply today’s mappings to past days' });
  await dialog.getByRole('button', { name: 'Preview changes' }).click();
  await expect(dialog.getByText(/\d+ days would change/)).toBeVisible();
  await expect(dialog.getByRole('table', { name: 'What would change' })).toBeVisible();
  // The days that would change, in the one date format of the screens, never as ISO dates.
  await expect(dialog.getByText(/\d+ days would change/)).not.toContainText(/\d{4}-\d{2}-\d{2}/);
  await expect(dialog).toContainText(/\d{2}\/\d{2}\/\d{4}/);
  await expect(dialog).not.toContainText(/\b\d{4}-\d{2}-\d{2}\b/);
  await app.screenshot('reprocess-preview');
  const days = Number(/(\d+) days would change/.exec((await dialog.getByText(/\d+ days would change/).textContent()) ?? '')?.[1]);
  expect(days).toBeGreaterThan(0);
  expect(days).toBeLessThanOrEqual(30);
  await dialog.getByRole('button', { name: `Reprocess ${days} days` }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Done' })).toContainText(`${days} days posted again with today’s mappings`, { timeout: 120_000 });
  await app.screenshot('reprocess-done');
  // A second preview finds nothing left to correct.
  await dialog.getByRole('button', { name: 'Preview changes' }).click();
  await expect(dialog.getByText('Nothing to correct')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).first().click();

  await app.section('Home');
  await expect(page.getByLabel('Mapping coverage')).toContainText('Harbour Restaurant');
  await app.screenshot('home-coverage');

  // A larger portion at one place: an override there, shown on that location.
  await app.section('Items');
  await page.getByRole('radio', { name: 'Mapped', exact: true }).dispatchEvent('click');
  await page.getByRole('rowgroup', { name: 'Items rows' }).locator('[aria-label="Classic Burger"]').click();
  const mapped = page.getByRole('dialog', { name: 'Map “Classic Burger”' });
  await app.choose('Applies to', 'Only at Harbour Restaurant (override)', mapped);
  await app.choose('Deduct this ingredient or recipe', /^Classic Burger recipe/, mapped);
  await mapped.getByLabel('Quantity per item sold').fill('1,5');
  await mapped.getByRole('button', { name: 'Save override' }).click();
  await expect(mapped).toBeHidden();
  await expect(page.getByRole('rowgroup', { name: 'Items rows' }).locator('[aria-label="Classic Burger"]')).toContainText('1 override');
  await app.section('Locations');
  await page.getByRole('table', { name: 'Locations' }).getByRole('button', { name: 'Harbour Restaurant' }).click();
  await expect(page.getByLabel('Mapping overrides here')).toContainText('Classic Burger: 1.5 ×');
  await app.screenshot('location-coverage-overrides');
});
