import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pgBinaries, startPgCluster } from '../support/pg-cluster';
import { expect, startHost, stopHost, test } from './fixtures';
import { LarderPage } from './pages/larder-page';

test.skip(pgBinaries() === null && process.env.CI === undefined, 'PostgreSQL is not installed (apt-get install -y postgresql)');

test('Settings → Database points Larder at the group’s PostgreSQL server, opened from the next start; a server down at start has its recovery screen', async ({ page }) => {
  const cluster = await startPgCluster();
  let clusterRunning = true;
  const dataFolder = mkdtempSync(join(tmpdir(), 'larder-e2e-'));
  const hosts: Awaited<ReturnType<typeof startHost>>[] = [];
  try {
    const first = await startHost(dataFolder);
    hosts.push(first);
    const app = new LarderPage(page);
    await app.open(first.host.url);
    await app.section('Settings');
    const panel = page.getByRole('region', { name: 'Database' });
    await expect(panel).toContainText('Larder keeps its data on this computer');
    await panel.getByRole('button', { name: 'Use a PostgreSQL server' }).click();
    const address = panel.getByRole('textbox', { name: 'PostgreSQL server address' });

    await address.fill('mysql://larder@db/larder');
    await expect(address).toHaveAttribute('aria-invalid', 'true');
    await expect(panel.getByText('The address starts with postgres://')).toBeVisible();

    // A server that does not answer: said in plain words, nothing kept.
    await address.fill('postgres://larder@127.0.0.1:1/larder');
    await panel.getByRole('button', { name: 'Test and use this server' }).click();
    await expect(panel.getByRole('alert')).toContainText('could not open the PostgreSQL database');

    const server = cluster.database('group');
    await address.fill(server);
    await panel.getByRole('textbox', { name: 'Password' }).fill('Corr3ct horse');
    await panel.getByRole('button', { name: 'Test and use this server' }).click();
    await expect(panel.getByText('Restart Larder to switch')).toBeVisible();
    await expect(panel).toContainText('its password is sealed on this computer');
    expect(readFileSync(join(dataFolder, 'settings.json'), 'utf8')).not.toContain('Corr3ct horse');
    await app.screenshot('settings-database-chosen');
    await stopHost(first.child);

    const second = await startHost(dataFolder);
    hosts.push(second);
    await app.open(second.host.url);
    await app.section('Settings');
    await expect(panel).toContainText(`Larder keeps its data on the PostgreSQL server ${server}`);
    await expect(page.getByRole('region', { name: 'Backups' })).toHaveCount(0);
    await expect(panel.getByRole('button', { name: 'Use this computer’s database again' })).toBeVisible();
    await app.screenshot('settings-database-server');
    await stopHost(second.child);

    // The server is down when Larder starts: the recovery screen says so and offers the ways out.
    cluster.stop();
    clusterRunning = false;
    const third = await startHost(dataFolder);
    hosts.push(third);
    await page.goto(third.host.url);
    await expect(page.getByRole('heading', { name: 'Larder cannot open its data' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('Larder cannot reach its database server');
    await expect(page.getByRole('alert')).toContainText(server);
    await expect(page.getByText('database_unreachable')).toBeHidden();
    await expect(page.getByRole('button', { name: /^Restore/ })).toHaveCount(0);
    await app.screenshot('recovery-server-unreachable');
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('status')).toContainText('trying the server again');
    // Still down: back on the same screen after the reload.
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Use this computer’s database' }).click();
    await expect(page.getByRole('heading', { name: 'Home', level: 2 })).toBeVisible({ timeout: 20_000 });
    await app.section('Settings');
    await expect(panel).toContainText('Larder keeps its data on this computer');
  } finally {
    for (const { child } of hosts) await stopHost(child);
    rmSync(dataFolder, { recursive: true, force: true });
    if (clusterRunning) cluster.stop();
  }
});
