import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pgBinaries, startPgCluster } from '../support/pg-cluster';
import { expect, startHost, stopHost, test } from './fixtures';
import { LarderPage } from './pages/larder-page';

test.skip(pgBinaries() === null && process.env.CI === undefined, 'PostgreSQL is not installed (apt-get install -y postgresql)');

test('Settings → Database points Larder at the group’s PostgreSQL server, which it opens from its next start', async ({ page }) => {
  const cluster = await startPgCluster();
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
  } finally {
    for (const { child } of hosts) await stopHost(child);
    rmSync(dataFolder, { recursive: true, force: true });
    cluster.stop();
  }
});
