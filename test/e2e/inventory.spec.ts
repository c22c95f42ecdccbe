import { expect, test } from './fixtures';
import { InventoryPage } from './pages/inventory-page';
import { LarderPage } from './pages/larder-page';

test('a manager builds a three-level recipe through the Inventory screens', async ({ page, larder }) => {
  const inventory = new InventoryPage(page);
  await inventory.open(larder.url);

  await inventory.addStorageUnit('Main Kitchen');
  await expect(page.getByRole('table', { name: 'Storage units' }).getByRole('cell', { name: 'Main Kitchen', exact: true })).toBeVisible();
  await inventory.screenshot('inventory-storage-units');

  for (const [name, unit] of [
    ['Burger bun', 'piece'],
    ['Tomato', 'kg'],
    ['Egg yolk', 'piece'],
    ['Sunflower oil', 'l'],
  ]) {
    await inventory.addIngredient(name as string, unit as string);
  }
  await inventory.screenshot('inventory-ingredients');

  let dialog = await inventory.createRecipe('Mayonnaise', '4', [
    { target: 'Egg yolk', quantity: '4' },
    { target: 'Sunflower oil', quantity: '0.8', trimPct: '2' },
  ]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  dialog = await inventory.createRecipe('House sauce', '2', [{ target: 'Mayonnaise', quantity: '1.5', trimPct: '5' }]);
  await page.keyboard.press('Escape');
  dialog = await inventory.createRecipe('Classic Burger recipe', '1', [
    { target: 'Burger bun', quantity: '1' },
    { target: 'Tomato', quantity: '0.03', trimPct: '10' },
    { target: 'House sauce', quantity: '0.02' },
  ]);

  // One burger, exploded through three levels with trims on two of them, rounded to 6 decimals.
  const portion = dialog.getByLabel('One portion takes');
  await expect(portion).toContainText('1 piece Burger bun');
  await expect(portion).toContainText('0.033333 kg Tomato');
  await expect(portion).toContainText('0.015789 piece Egg yolk');
  await expect(portion).toContainText('0.003222 l Sunflower oil');
  await inventory.screenshot('inventory-recipe-editor');
  await page.keyboard.press('Escape');

  const recipes = page.getByRole('table', { name: 'Recipes' });
  for (const name of ['Classic Burger recipe', 'House sauce', 'Mayonnaise']) {
    await expect(recipes.getByRole('cell', { name, exact: true })).toBeVisible();
  }
  await expect(recipes.getByRole('row', { name: /House sauce/ })).toContainText('1');
  await inventory.screenshot('inventory-recipes');

  await inventory.tab('Receipts');
  await page.getByRole('combobox', { name: 'Ingredient', exact: true }).click();
  await page.getByRole('option', { name: 'Tomato (kg)' }).click();
  await page.getByRole('combobox', { name: 'Storage unit', exact: true }).click();
  await page.getByRole('option', { name: 'Main Kitchen' }).click();
  await page.getByLabel('Date').fill('2026-01-05');
  await page.getByLabel('Quantity').fill('3.5');
  await page.getByLabel('Total value').fill('10.15');
  await page.getByRole('button', { name: 'Add receipt' }).click();
  await expect(page.getByRole('table', { name: 'Receipts' })).toContainText('2.90');
  await inventory.screenshot('inventory-receipts');

  await inventory.tab('Stock on hand');
  await expect(page.getByRole('table', { name: 'Stock on hand' })).toContainText('3.500 kg');
  await expect(page.getByRole('table', { name: 'Stock on hand' })).toContainText('10.15');
  await inventory.screenshot('inventory-stock');
});

test('a refusal shows its meaning and the fix, and changes nothing', async ({ page, larder }) => {
  const inventory = new InventoryPage(page);
  await inventory.open(larder.url);
  await inventory.addStorageUnit('Bar Storage');
  await inventory.addStorageUnit('Bar Storage');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Another storage unit already has this name.');
  await expect(alert).toContainText('What to do:');
  await expect(page.getByRole('table', { name: 'Storage units' }).getByRole('row')).toHaveCount(2);
  await inventory.screenshot('inventory-error-state');
});

test('empty screens say what fills them', async ({ page, larder }) => {
  const app = new LarderPage(page);
  const inventory = new InventoryPage(page);
  await inventory.open(larder.url);
  await inventory.tab('Waste and moves');
  await expect(page.getByText('Nothing recorded yet. Waste you record and stock you move between storage units appear here, each with Undo.')).toBeVisible();
  await app.section('Ledger');
  await expect(page.getByLabel('Totals')).toContainText('No entries match: nothing to add up.');
  await app.section('Reports');
  await page.getByRole('tab', { name: 'Food cost' }).click();
  await expect(page.getByText('No food cost yet')).toBeVisible();
  await app.screenshot('empty-food-cost');
});
