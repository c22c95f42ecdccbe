import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { addPerson, expect, LOCALE, startServer, stopHost, test } from './fixtures';
import { LarderPage, saveScreen } from './pages/larder-page';

// A group's Larder server (issue 32): the owner, a manager of one venue and a counter signed in at
// once from three browsers, each seeing and doing exactly their part; two of them count different
// storage units at the same time and both counts post.
const HARBOUR = '45454565682155';
const PASSWORDS = { olga: 'owner of the whole group', max: 'manager of the harbour', cleo: 'counter in the kitchen' };

async function signedIn(browser: Browser, origin: string, login: keyof typeof PASSWORDS, options: { tablet?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({
    locale: LOCALE,
    ...(options.tablet ? { viewport: { width: 800, height: 1280 }, hasTouch: true } : { viewport: { width: 1280, height: 860 } }),
  });
  const page = await context.newPage();
  await page.goto(origin);
  await expect(page.getByRole('heading', { name: 'Sign in to Larder' })).toBeVisible();
  await page.getByLabel('Sign-in name').fill(login);
  await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORDS[login]);
  await page.getByRole('button', { name: 'Sign in' }).click();
  return page;
}

const sections = (page: Page) => page.getByRole('navigation', { name: 'Sections' }).getByRole('button');

/** A contract called straight from the page, as a curious person could with the browser's console. */
const direct = (page: Page, channel: string, input: unknown) =>
  page.evaluate(
    async ({ channel, input }) => (await (await fetch(`/ipc/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) })).json()) as { ok: boolean; error?: { code: string } },
    { channel, input },
  );

test('a group’s server: owner, manager and counter each see and do their part, and two count different storage units at once', async ({ browser }) => {
  test.setTimeout(300_000);
  const dataFolder = mkdtempSync(join(tmpdir(), 'larder-e2e-server-'));
  addPerson(dataFolder, 'olga', ['--name', 'Olga Owner', '--role', 'owner'], PASSWORDS.olga);
  const server = await startServer(dataFolder);
  try {
    // The owner: a wrong password first, answered without saying which half was wrong.
    const ownerContext = await browser.newContext({ locale: LOCALE });
    const owner = await ownerContext.newPage();
    await owner.goto(server.origin);
    await owner.getByLabel('Sign-in name').fill('olga');
    await owner.getByRole('textbox', { name: 'Password' }).fill('not my password at all');
    await owner.getByRole('button', { name: 'Sign in' }).click();
    await expect(owner.getByRole('alert')).toContainText('The name and password do not match');
    await saveScreen(owner, 'server-sign-in');
    await owner.getByRole('textbox', { name: 'Password' }).fill(PASSWORDS.olga);
    await owner.getByRole('button', { name: 'Sign in' }).click();
    await expect(owner.getByRole('heading', { name: 'Home', level: 2 })).toBeVisible();
    await expect(sections(owner)).toHaveText(['Home', 'Sales sources', 'Locations', 'Items', 'Transfer logs', 'Ledger', 'Inventory', 'Reports', 'Settings', 'People']);
    await new LarderPage(owner).demo();

    addPerson(dataFolder, 'max', ['--name', 'Max Manager', '--role', 'manager', '--location', HARBOUR, '--storage-unit', 'Main Kitchen', '--storage-unit', 'Bar Storage'], PASSWORDS.max);
    addPerson(dataFolder, 'cleo', ['--name', 'Cleo Counter', '--role', 'counter', '--storage-unit', 'Main Kitchen'], PASSWORDS.cleo);

    // The manager of the Harbour Restaurant: its screens, none of the group's settings, only their venue.
    const manager = await signedIn(browser, server.origin, 'max');
    await expect(manager.getByRole('heading', { name: 'Home', level: 2 })).toBeVisible();
    await expect(sections(manager)).toHaveText(['Home', 'Locations', 'Items', 'Transfer logs', 'Ledger', 'Inventory', 'Reports']);
    await sections(manager).filter({ hasText: 'Locations' }).click();
    await expect(manager.getByText('Harbour Restaurant').first()).toBeVisible();
    await expect(manager.getByText('Harbour Terrace')).toHaveCount(0);
    await saveScreen(manager, 'server-manager-locations');
    expect((await direct(manager, 'settings:save', { nightlyRunTime: '03:00' })).error?.code).toBe('forbidden');
    expect((await direct(manager, 'logs:list', { businessLocationId: '45454565682156' })).error?.code).toBe('forbidden');

    // The counter, on a tablet: the count sheets of the Main Kitchen and nothing else.
    const counter = await signedIn(browser, server.origin, 'cleo', { tablet: true });
    await expect(counter.getByRole('heading', { name: 'Counts', level: 2 })).toBeVisible();
    await expect(counter.getByRole('navigation', { name: 'Sections' })).toHaveCount(0);
    await counter.getByRole('combobox', { name: 'Storage unit' }).click();
    await expect(counter.getByRole('option')).toHaveText(['Main Kitchen']);
    await counter.keyboard.press('Escape');
    // A manager's contract called directly is refused by the server, whatever the screens show.
    const waste = await direct(counter, 'waste:record', { storageUnit: 'Main Kitchen', ingredient: 'Tomato', quantity: '1', reason: 'spoiled', at: new Date().toISOString() });
    expect(waste).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await direct(counter, 'counts:start', { storageUnit: 'Bar Storage', at: new Date().toISOString() })).error?.code).toBe('forbidden');
    expect((await direct(counter, 'reports:food-cost', { businessLocationId: HARBOUR, from: '2026-01-01', to: '2026-01-31' })).error?.code).toBe('forbidden');

    // Two counts at once: the counter's Main Kitchen on the tablet, the manager's Bar Storage at the office.
    await counter.getByRole('button', { name: 'Start a count' }).click();
    const tabletSheet = counter.getByRole('list', { name: 'Count sheet' });
    await expect(tabletSheet).toBeVisible();
    await expect(tabletSheet.getByRole('textbox').first()).toHaveAttribute('inputmode', 'decimal');
    await tabletSheet.getByRole('textbox').first().fill('3');
    await saveScreen(counter, 'server-counter-tablet');

    await sections(manager).filter({ hasText: 'Inventory' }).click();
    await expect(manager.getByRole('tab')).toHaveText(['Receipts', 'Stock on hand', 'Counts', 'Waste and moves']);
    await manager.getByRole('tab', { name: 'Counts' }).click();
    await new LarderPage(manager).choose('Storage unit', 'Bar Storage');
    await manager.getByRole('button', { name: 'Start a count' }).click();
    const officeSheet = manager.getByRole('table', { name: 'Count sheet' });
    await officeSheet.getByRole('textbox').first().fill('2,5');

    await Promise.all([counter.getByRole('button', { name: 'Finish count…' }).click(), manager.getByRole('button', { name: 'Finish count…' }).click()]);
    const counterSummary = counter.getByRole('dialog', { name: /Finish the count of Main Kitchen/ });
    const managerSummary = manager.getByRole('dialog', { name: /Finish the count of Bar Storage/ });
    // What a count is worth is not the counter's to read; the manager sees it.
    await expect(counterSummary).toContainText('1 ingredient counted');
    await expect(counterSummary).not.toContainText('worth');
    await expect(managerSummary).toContainText('worth');
    await Promise.all([
      counterSummary.getByRole('button', { name: 'Finish count', exact: true }).click(),
      managerSummary.getByRole('button', { name: 'Finish count', exact: true }).click(),
    ]);
    await expect(counter.getByRole('table', { name: 'Counts' }).getByText('Finished').first()).toBeVisible();
    await expect(manager.getByRole('table', { name: 'Counts' }).getByText('Finished').first()).toBeVisible();
    await expect(counter.getByRole('table', { name: 'Counts' })).not.toContainText('Bar Storage');
    // Each finished count names who finished it; the manager reads the counter's too.
    await expect(manager.getByRole('table', { name: 'Counts' })).toContainText('by Cleo Counter');
    await expect(manager.getByRole('table', { name: 'Counts' })).toContainText('by Max Manager');

    // The owner reads who did what.
    await sections(owner).filter({ hasText: 'People' }).click();
    await expect(owner.getByRole('table', { name: 'People' }).getByRole('row')).toHaveCount(4);
    const activity = owner.getByRole('table', { name: 'Who did what' });
    await expect(activity).toContainText('Cleo Counter');
    await expect(activity.getByRole('row').filter({ hasText: 'Cleo Counter' }).filter({ hasText: 'Finished a count' })).toHaveCount(1);
    await expect(activity.getByRole('row').filter({ hasText: 'Max Manager' }).filter({ hasText: 'Finished a count' })).toHaveCount(1);
    await saveScreen(owner, 'server-owner-people');
  } finally {
    await stopHost(server.child);
    rmSync(dataFolder, { recursive: true, force: true });
  }
});
