import { expect, harbourLastNight, test } from './fixtures';
import { LarderPage } from './pages/larder-page';

// On a fresh install the demo account is one click from Home, and it opens on its story: two
// locations posted for 90 days, about 70 % of the sales value mapped with a few items left, the
// terrace paused, one failed day that the manager runs again.
test('the demo account opens on a story: posted days, items to map, a paused location and a failed day to run again', async ({ page, larder }) => {
  test.setTimeout(120_000);
  const app = new LarderPage(page);
  await app.open(larder.url);
  await app.demo();
  await expect(page.getByRole('status').filter({ hasText: 'Demo account ready' })).toContainText('6 locations and 150 items, with a demo inventory');
  await expect(page.getByText('Next: Map the important items')).toBeVisible();
  const nights = page.getByRole('table', { name: 'Last night' });
  await expect(nights.locator('[data-night="45454565682155"]')).toHaveAttribute('data-status', harbourLastNight());
  await expect(nights.locator('[data-night="45454565682156"]')).toHaveAttribute('data-status', 'paused');
  await expect(page.getByLabel('Mapping coverage')).toContainText('% of sales value mapped');
  const alert = page.locator('[data-alert-code="migration_failed"]');
  await expect(alert).toContainText('Harbour Restaurant');
  await app.screenshot('demo-home');

  await app.lightspeed();
  await expect(page.locator('[data-status="active"]')).toBeVisible();
  await expect(page.getByText('You are using the demo account')).toBeVisible();
  await app.screenshot('demo-connection');

  await app.section('Locations');
  const locations = page.getByRole('table', { name: 'Locations' });
  for (const zone of ['Europe/Amsterdam', 'Pacific/Tongatapu', 'Pacific/Honolulu']) await expect(locations).toContainText(zone);
  await app.section('Items');
  await expect(page.getByLabel('Catalog coverage')).toHaveText(/^\d+ of 50 mapped$/);
  await expect(page.getByLabel('Work list summary')).toContainText('to map');
  await app.section('Inventory');
  await page.getByRole('tab', { name: 'Recipes' }).click();
  await expect(page.getByRole('table', { name: 'Recipes' })).toContainText('Classic Burger recipe');

  // The ledger by day, with a chart of one ingredient's daily use over its last 60 days.
  await app.section('Ledger');
  await app.choose('Ingredient', 'Coffee beans');
  await expect(page.getByLabel('Daily use of Coffee beans')).toHaveAttribute('data-usage-days', '60');
  await expect(page.getByRole('table', { name: 'Ledger by day' })).toContainText('Coffee beans');
  await app.screenshot('demo-ledger-by-day');

  // Food cost over the location's last 30 closed days, the range it opens with.
  await app.section('Reports');
  await page.getByRole('tab', { name: 'Food cost' }).click();
  await page.getByRole('button', { name: 'Show food cost' }).click();
  await expect(page.getByLabel('Theoretical food cost per day')).toBeVisible();
  await expect(page.getByText(/^€[\d,]+\.\d\d$/).first()).toBeVisible();
  // The actual cost runs from count to count: one click shows the span between the demo's two counts, both figures over it.
  await page.getByLabel('Actual cost between counts').getByRole('button', { name: /^Show / }).click();
  await expect(page.getByLabel('Actual cost between counts')).toContainText('Counts of');
  await app.screenshot('demo-food-cost');

  // The failed day: from the alert to the migration grid, to the day's log, run again.
  await app.section('Home');
  await alert.getByRole('button', { name: 'Open the location' }).click();
  await expect(page.locator('[data-migration-status="failed"]')).toBeVisible();
  const failedDay = page.getByRole('group', { name: 'Migration days' }).locator('[data-day-status="failed"]');
  await expect(failedDay).toHaveCount(1);
  await app.screenshot('demo-failed-day');
  await failedDay.click();
  await expect(page.getByRole('heading', { level: 2, name: /^Harbour Restaurant, business day / })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Lightspeed sent an answer Larder could not read');
  // A failed day fetched no sales: nothing is said about its items being mapped.
  await expect(page.getByLabel('Unmapped names')).toContainText('No sales were read for this day');
  await app.screenshot('demo-failed-log');
  await page.getByRole('button', { name: /^Run .* again$/ }).click();
  await expect(page.locator('[data-outcome]').first()).not.toHaveAttribute('data-outcome', 'red');
  await app.section('Locations');
  await page.getByRole('table', { name: 'Locations' }).getByRole('button', { name: 'Harbour Restaurant' }).click();
  await expect(page.locator('[data-migration-status="completed"]')).toBeVisible();
  await app.section('Home');
  await expect(page.locator('[data-alert-code="migration_failed"]')).toHaveCount(0);
});
