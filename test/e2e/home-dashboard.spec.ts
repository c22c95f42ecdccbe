import { expect, harbourLastNight, test } from './fixtures';
import { LarderPage } from './pages/larder-page';

// Home on the demo account: last night's result for every location, and a food cost figure.
test('Home shows last night for every location and the food cost after the demo migration', async ({ page, larder }) => {
  test.setTimeout(240_000);
  const app = new LarderPage(page);
  await app.open(larder.url);
  await app.demo();

  await app.section('Home');
  const nights = page.getByRole('table', { name: 'Last night' });
  const rows = nights.locator('[data-night]');
  await expect(rows).toHaveCount(6);
  for (const row of await rows.all()) await expect(row).toHaveAttribute('data-status', /^(posted|unmapped|no_sales|incomplete|failed|running|not_run|paused|not_activated)$/);
  const harbour = nights.locator('[data-night="45454565682155"]');
  const lastNight = harbourLastNight();
  await expect(harbour).toHaveAttribute('data-status', lastNight);
  if (lastNight === 'unmapped') await expect(harbour.getByText(/^Posted; \d+ lines not mapped$/)).toBeVisible();
  await expect(nights.locator('[data-night="45454565682156"]')).toHaveAttribute('data-status', 'paused');
  await expect(nights.locator('[data-status="not_activated"]')).toHaveCount(4);
  await expect(page.locator('[data-food-cost="45454565682155"] [data-food-cost-pct]')).toHaveText(/^\d+(\.\d+)? %$/);
  await expect(page.getByLabel('Mapping coverage')).toBeVisible();
  await app.screenshot('home-dashboard');

  await harbour.getByRole('button', { name: 'Open the day' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Harbour Restaurant, business day / })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Technical details' })).toHaveAttribute('aria-expanded', 'false');
  await app.screenshot('log-detail-plain');
});
