import type { Page } from '@playwright/test';
import { expect } from '../fixtures';
import { saveScreen } from './larder-page';

export interface RecipeLineDraft {
  target: string;
  quantity: string;
  trimPct?: string;
}

/** The Inventory screens as a manager uses them: by labels and button names, never by CSS classes. */
export class InventoryPage {
  constructor(private readonly page: Page) {}

  async open(url: string) {
    await this.page.goto(url);
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Inventory' }).click();
    await expect(this.page.getByRole('heading', { name: 'Inventory' })).toBeVisible();
  }

  async tab(name: 'Storage units' | 'Ingredients' | 'Recipes' | 'Receipts' | 'Stock on hand' | 'Counts' | 'Waste and moves') {
    await this.page.getByRole('tab', { name }).click();
  }

  async addStorageUnit(name: string) {
    await this.tab('Storage units');
    await this.page.getByLabel('New storage unit').fill(name);
    await this.page.getByRole('button', { name: 'Add storage unit' }).click();
  }

  async addIngredient(name: string, unit: string) {
    await this.tab('Ingredients');
    await this.page.getByRole('button', { name: 'New ingredient' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel('Unit').fill(unit);
    await dialog.getByLabel('Unit').press('Tab');
    await dialog.getByRole('button', { name: 'Save ingredient' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.page.getByRole('table', { name: 'Ingredients' }).getByRole('cell', { name, exact: true })).toBeVisible();
  }

  async createRecipe(name: string, yieldQty: string, lines: RecipeLineDraft[]) {
    await this.tab('Recipes');
    await this.page.getByRole('button', { name: 'New recipe' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('Recipe name').fill(name);
    await dialog.getByLabel('Yield').fill(yieldQty);
    for (const [index, line] of lines.entries()) {
      if (index > 0) await dialog.getByRole('button', { name: 'Add line' }).click();
      const number = index + 1;
      await dialog.getByLabel(`Line ${number}: ingredient or recipe`).fill(line.target.slice(0, 4));
      await this.page.getByRole('option', { name: line.target, exact: false }).first().click();
      await dialog.getByLabel(`Line ${number}: quantity`).fill(line.quantity);
      if (line.trimPct) await dialog.getByLabel(`Line ${number}: trim %`).fill(line.trimPct);
    }
    await dialog.getByRole('button', { name: 'Save recipe' }).click();
    await expect(dialog.getByText('One portion takes from stock')).toBeVisible();
    return dialog;
  }

  async screenshot(name: string) {
    await saveScreen(this.page, name);
  }
}
