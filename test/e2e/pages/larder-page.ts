import { mkdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect } from '../fixtures';

type Section = 'Home' | 'Sales sources' | 'Locations' | 'Items' | 'Transfer logs' | 'Ledger' | 'Inventory' | 'Reports' | 'Settings';

/** The whole app as a manager drives it: sections, labelled fields and buttons, never CSS classes. */
export class LarderPage {
  constructor(readonly page: Page) {}

  async open(url: string) {
    await this.page.goto(url);
    await expect(this.page.getByRole('heading', { name: 'Home', level: 2 })).toBeVisible();
  }

  async section(name: Section) {
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name, exact: true }).click();
    await expect(this.page.getByRole('heading', { name, level: 2 })).toBeVisible();
  }

  /** The Ledger's single entries (it opens on its day totals). */
  async ledgerEntries(): Promise<Locator> {
    await this.section('Ledger');
    await this.page.getByRole('tab', { name: 'Entries' }).click();
    return this.page.getByRole('table', { name: 'Ledger entries' });
  }

  /** The Lightspeed connection: Sales sources, then the Lightspeed card's button. */
  async lightspeed() {
    await this.section('Sales sources');
    await this.page.getByRole('region', { name: 'Lightspeed K-Series' }).getByRole('button', { name: /^(Connect|Manage connection)$/ }).click();
    await expect(this.page.getByRole('heading', { name: 'Lightspeed K-Series', level: 2 })).toBeVisible();
  }

  /**
   * The demo account as it opens: the Harbour Restaurant and Terrace linked, mapped to about 70 % of
   * their sales value and their 90 days posted (one of the restaurant's failed), the terrace paused.
   */
  async demo() {
    await this.page.getByRole('button', { name: 'Use demo account' }).click();
    // Starting the built-in K-Series, signing in, the first sync and the demo's two migrations take a few seconds on a busy machine.
    await expect(this.page.getByRole('status').filter({ hasText: 'Demo account ready' })).toBeVisible({ timeout: 60_000 });
  }

  /** A setup file imported on the Inventory screen. */
  async importSetup(file: string) {
    await this.section('Inventory');
    await this.page.locator('input[type=file]').setInputFiles(file);
    await expect(this.page.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible();
  }

  /** On the Items screen: a POS item, found by its id (a code, a Sides product id), mapped to an ingredient or recipe. */
  async mapItem(itemId: string, target: RegExp, quantity: string) {
    await this.page.getByLabel('Search').fill(itemId);
    await this.page.locator(`[data-item-id="${itemId}"]`).click();
    const sheet = this.page.getByRole('dialog', { name: /^Map “/ });
    await this.choose('Deduct this ingredient or recipe', target, sheet);
    await sheet.getByLabel('Quantity per item sold').fill(quantity);
    await sheet.getByRole('button', { name: 'Save mapping' }).click();
    await expect(sheet).toBeHidden();
  }

  /** A file picked the way a person does: the file field's button opens the chooser. */
  async chooseFile(label: string, path: string) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: label, exact: true }).click();
    await (await chooser).setFiles(path);
  }

  /** A file dropped on the region labelled `label`, as from the file manager: a DataTransfer made in the page. */
  async dropFile(label: string, path: string) {
    const transfer = await this.page.evaluateHandle(
      ({ base64, name }) => {
        // Runs in the page, where DataTransfer exists (the tests' own types know Node's globals only).
        const { DataTransfer: Transfer } = globalThis as unknown as { DataTransfer: new () => { items: { add(file: File): void } } };
        const made = new Transfer();
        made.items.add(new File([Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))], name, { type: 'text/csv' }));
        return made;
      },
      { base64: readFileSync(path).toString('base64'), name: basename(path) },
    );
    await this.page.getByLabel(label).dispatchEvent('drop', { dataTransfer: transfer });
  }

  /** Picks from a Mantine select (a combobox) by its label and the option's visible name. */
  async choose(label: string | RegExp, option: string | RegExp, within: Page | Locator = this.page) {
    // A screen that changes while its dropdown opens (a live preview answering) can close or move it: open it again.
    await expect(async () => {
      await within.getByRole('combobox', { name: label }).click();
      await this.page.getByRole('option', { name: option }).click({ timeout: 5_000 });
    }).toPass({ timeout: 30_000 });
  }

  async screenshot(name: string) {
    await saveScreen(this.page, name);
  }
}

/**
 * A screen as the manager sees it once it has settled, under test-results/screens/: transitions are
 * run to their end (a dialog would otherwise be caught half faded in), and the page is scrolled to
 * the top (the app shell's header is fixed: from a scrolled page a full-page capture would repeat it
 * mid-image).
 */
/**
 * A screenshot of the screen as it is, and an accessibility check of it (axe-core, WCAG 2 A and AA):
 * every screen the suite looks at must have no serious or critical violation.
 */
export async function saveScreen(page: Page, name: string) {
  mkdirSync('test-results/screens', { recursive: true });
  await page.evaluate('window.scrollTo(0, 0)');
  // Out of the way: a hover colour is neither what the screen looks like nor what a check should judge.
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true, animations: 'disabled' });
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.slice(0, 3).map((node) => `${node.target.join(' ')}: ${node.failureSummary?.split('\n').slice(1).join(' ') ?? ''}`).join(' | ')}`);
  expect(blocking, `accessibility of the screen "${name}"`).toEqual([]);
}
