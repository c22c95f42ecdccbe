import { expect, test } from './fixtures';
import { LarderPage } from './pages/larder-page';

test('on a fresh install the demo account is one click from Home, and every screen has data', async ({ page, larder }) => {
  const app = new LarderPage(page);
  await app.open(larder.url);
  await page.getByRole('button', { name: 'Use demo account' }).click();
  // Starting the built-in K-Series, signing in and the first sync take a few seconds on a busy machine.
  await expect(page.getByRole('status').filter({ hasText: 'Demo account ready' })).toContainText('4 locations and 150 items, with a demo inventory', { timeout: 30_000 });
  await expect(page.locator('[data-step="connect"]')).toHaveAttribute('data-done', 'true');
  await expect(page.getByText('Next: Link storage units')).toBeVisible();
  await app.screenshot('demo-home');

  await app.lightspeed();
  await expect(page.locator('[data-status="active"]')).toBeVisible();
  await expect(page.getByText('You are using the demo account')).toBeVisible();
  await app.screenshot('demo-connection');

  await app.section('Locations');
  const locations = page.getByRole('table', { name: 'Locations' });
  for (const zone of ['Europe/Amsterdam', 'Pacific/Tongatapu', 'Pacific/Honolulu']) await expect(locations).toContainText(zone);
  await app.section('Items');
  await expect(page.getByLabel('Catalog coverage')).toHaveText('0 of 50 mapped');
  await app.section('Inventory');
  await page.getByRole('tab', { name: 'Recipes' }).click();
  await expect(page.getByRole('table', { name: 'Recipes' })).toContainText('Classic Burger recipe');
});
