import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, startHost, stopHost, test } from './fixtures';
import { InventoryPage } from './pages/inventory-page';
import { LarderPage } from './pages/larder-page';

/** A CLI command on the same data folder, as a second program beside the running Larder. */
function cli(dataFolder: string, ...argv: string[]): unknown {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'electron/fronts/cli/main.ts', ...argv], { env: { ...process.env, LARDER_HOME: dataFolder }, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1) as string);
}

test('a manager backs up, a tomato is wasted, and Settings restores the backup after showing what it holds', async ({ page, larder }) => {
  const app = new LarderPage(page);
  const inventory = new InventoryPage(page);
  await app.open(larder.url);
  await app.importSetup('test/fixtures/setup-three-levels.json');

  await app.section('Settings');
  const panel = page.getByRole('region', { name: 'Backups' });
  await panel.getByRole('button', { name: 'Back up now' }).click();
  const backups = panel.getByRole('table', { name: 'Backups in the backup folder' });
  await expect(backups.getByText('Verified', { exact: true })).toHaveCount(2);
  await expect(panel.getByText(/Last verified backup:/)).toBeVisible();
  await app.screenshot('settings-backups');

  // Half the tomatoes go to waste after the backup (from the CLI beside the running Larder).
  cli(larder.dataFolder, 'waste', 'Main Kitchen', '--ingredient', 'Tomato', '1,5', '--reason', 'spoiled');
  await app.section('Inventory');
  await inventory.tab('Stock on hand');
  await expect(page.getByRole('table', { name: 'Stock on hand' })).toContainText('2.000 kg');

  await app.section('Settings');
  // The newest backup is the one "Back up now" took: it holds the delivery, not the waste.
  await backups.getByRole('button', { name: 'Restore…' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Restore a backup' });
  await expect(dialog).toContainText('7 ingredients, 3 recipes');
  await expect(dialog).toContainText('3 ledger entries');
  await expect(dialog).toContainText('sign in to Lightspeed or Sides again');
  await app.screenshot('restore-preview');
  await dialog.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 2 })).toBeVisible();
  // Undoable: the database as it was, with the waste, was backed up first.
  await expect(backups.getByText('Before a change or by hand')).not.toHaveCount(0);
  await app.section('Inventory');
  await inventory.tab('Stock on hand');
  await expect(page.getByRole('table', { name: 'Stock on hand' })).toContainText('3.500 kg');
});

test('a damaged database opens the recovery screen, which restores the newest verified backup', async ({ page }) => {
  const dataFolder = mkdtempSync(join(tmpdir(), 'larder-e2e-'));
  try {
    const first = await startHost(dataFolder);
    const app = new LarderPage(page);
    await app.open(first.host.url);
    await app.importSetup('test/fixtures/setup-three-levels.json');
    await app.section('Settings');
    await page.getByRole('region', { name: 'Backups' }).getByRole('button', { name: 'Back up now' }).click();
    await expect(page.getByRole('table', { name: 'Backups in the backup folder' }).getByText('Verified', { exact: true })).toHaveCount(2);
    await stopHost(first.child);

    // Another program wrote over the database.
    writeFileSync(join(dataFolder, 'larder.db'), 'Weekly rota\nMonday: Sam, Alex\n'.repeat(500));
    const second = await startHost(dataFolder);
    try {
      await page.goto(second.host.url);
      await expect(page.getByRole('heading', { name: 'Larder cannot open its data' })).toBeVisible();
      await expect(page.getByRole('alert')).toContainText('Larder’s database file is damaged');
      // The technical facts are there, folded away.
      await expect(page.getByText('database_damaged')).toBeHidden();
      await app.screenshot('recovery');
      await page.getByRole('button', { name: 'Restore the newest backup' }).click();
      const dialog = page.getByRole('dialog', { name: 'Restore a backup' });
      await expect(dialog).toContainText('7 ingredients, 3 recipes');
      await dialog.getByRole('button', { name: 'Restore this backup' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'The backup was restored' })).toBeVisible();
      // The page reloads on the restored database by itself.
      await expect(page.getByRole('heading', { name: 'Home', level: 2 })).toBeVisible({ timeout: 20_000 });
      await app.section('Inventory');
      await new InventoryPage(page).tab('Stock on hand');
      await expect(page.getByRole('table', { name: 'Stock on hand' })).toContainText('3.500 kg');
    } finally {
      await stopHost(second.child);
    }
  } finally {
    rmSync(dataFolder, { recursive: true, force: true });
  }
});

test('Home says in amber when no backup could be verified, and what to do', async ({ page }) => {
  const dataFolder = mkdtempSync(join(tmpdir(), 'larder-e2e-'));
  // A backup folder on a share that is not there: the day's backup fails.
  writeFileSync(join(dataFolder, 'settings.json'), JSON.stringify({ backupFolder: '/proc/larder-share-not-mounted' }));
  const { child, host } = await startHost(dataFolder);
  try {
    const app = new LarderPage(page);
    await app.open(host.url);
    const notice = page.getByRole('alert', { name: 'No backup yet' });
    await expect(notice).toContainText('No backup yet');
    await expect(notice).toContainText('/proc/larder-share-not-mounted');
    await app.screenshot('home-no-backup');
    await notice.getByRole('button', { name: 'Open Backups' }).click();
    await expect(page.getByRole('heading', { name: 'Settings', level: 2 })).toBeVisible();
    await page.getByRole('region', { name: 'Backups' }).getByRole('button', { name: 'Back up now' }).click();
    await expect(page.getByRole('region', { name: 'Backups' }).locator('[data-error-code="backup_failed"]')).toBeVisible();
  } finally {
    await stopHost(child);
    rmSync(dataFolder, { recursive: true, force: true });
  }
});
