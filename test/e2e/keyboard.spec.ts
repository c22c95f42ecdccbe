import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LarderPage } from './pages/larder-page';

/** Tab (never a click) until `target` has the focus: proof that the keyboard reaches it. */
async function tabTo(page: Page, target: Locator, most = 250) {
  for (let presses = 0; presses < most; presses++) {
    if (await target.evaluate((element) => element === element.ownerDocument.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${target.toString()} was not reached in ${most} presses of Tab`);
}

// A manager without a mouse: every step below is Tab, Enter, Space or Escape.
test('the demo story works from the keyboard alone: a section, a day from the logs, a failed day from the grid, a mapping', async ({ page, larder }) => {
  test.setTimeout(120_000);
  const app = new LarderPage(page);
  await app.open(larder.url);
  await tabTo(page, page.getByRole('button', { name: 'Use demo account' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Demo account ready' })).toBeVisible({ timeout: 60_000 });

  const sections = page.getByRole('navigation', { name: 'Sections' });
  await tabTo(page, sections.getByRole('button', { name: 'Transfer logs' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Transfer logs' })).toBeVisible();
  await tabTo(page, page.getByRole('table', { name: 'Transfer logs' }).getByRole('button', { name: /^Log \d+: Harbour Restaurant/ }).first());
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: /^Harbour Restaurant, business day / })).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Technical details' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Technical details' })).toHaveAttribute('aria-expanded', 'true');

  await page.keyboard.press('Shift+Tab');
  await tabTo(page, sections.getByRole('button', { name: 'Locations' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('table', { name: 'Locations' }).getByRole('button', { name: 'Harbour Restaurant' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('group', { name: 'Migration days' }).locator('[data-day-status="failed"]'));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /^Run .* again$/ })).toBeVisible();

  await tabTo(page, sections.getByRole('button', { name: 'Items' }));
  await page.keyboard.press('Enter');
  const firstRow = page.getByRole('rowgroup', { name: 'Items rows' }).getByRole('row').first();
  await tabTo(page, firstRow);
  await page.keyboard.press('Enter');
  const sheet = page.getByRole('dialog', { name: /^Map “/ });
  await expect(sheet).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await app.screenshot('keyboard-items');
});
