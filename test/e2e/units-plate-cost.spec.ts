import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, launchLarder, test } from './fixtures';
import { InventoryPage } from './pages/inventory-page';
import { LarderPage } from './pages/larder-page';

// A bar that buys gin by the case and counts it in cases and bottles: gin received as 2 case at
// 168.00 (8.4 l, 20.00 a litre), counted as 2 case + 5 bottle + 0,4 bottle (12.18 l), a gin & tonic
// of 40 ml gin and 0,15 l tonic costing 1.10 a glass, and the menu of a day's Square sales: the
// G&T a star, the gin shot a dog.
test.describe.configure({ timeout: 150_000 });

const folder = mkdtempSync(join(tmpdir(), 'larder-units-e2e-'));
const setupFile = join(folder, 'bar.json');
writeFileSync(
  setupFile,
  JSON.stringify({
    storageUnits: [{ name: 'Bar' }],
    ingredients: [
      { name: 'Gin', unit: 'l', units: [{ name: 'bottle', factor: '0.7' }] },
      { name: 'Tonic', unit: 'l' },
    ],
  }),
);
const HEADER =
  'Date,Time,Time Zone,Category,Item,Qty,Price Point Name,SKU,Modifiers Applied,Gross Sales,Discounts,Net Sales,Tax,Transaction ID,Payment ID,Device Name,Notes,Details,Event Type,Location,Dining Option,Customer ID,Customer Name,Customer Reference ID,Unit,Count,GTIN,Itemization Type,Commission,Employee,Fulfillment Note,Channel,Token,Card Brand,PAN Suffix';
const sale = (n: number, item: string, net: string) =>
  `2026-10-08,20:${String(10 + n).padStart(2, '0')}:00,Eastern Time (US & Canada),Bar,${item},1.0,Regular,,,${net},$0.00,${net},$0.00,tx${n},p${n},Bar,,,Payment,Harbour Cafe,For Here,,,,,1,,Physical Item,,Sam,,Bar,tok${n},Visa,4242`;
const salesFile = join(folder, 'square-bar.csv');
writeFileSync(salesFile, [HEADER, ...[1, 2, 3, 4, 5, 6].map((n) => sale(n, 'Gin & Tonic', '$9.00')), sale(7, 'Gin Shot', '$6.00'), sale(8, 'Gin Shot', '$6.00')].join('\r\n') + '\r\n');

test('a bar receives gin in cases, counts it in cases and bottles, reads a cocktail’s plate cost and the menu report', async ({ browser }) => {
  const larder = await launchLarder({ LARDER_NOW: '2026-10-10T10:00:00Z' });
  const page = await (await browser.newContext()).newPage();
  const app = new LarderPage(page);
  const inventory = new InventoryPage(page);
  try {
    await app.open(larder.url);
    await app.importSetup(setupFile);
    // A form keeps (or starts with) the one storage unit: choosing it again would clear it.
    const chooseBar = async () => {
      if ((await page.getByRole('combobox', { name: 'Storage unit' }).inputValue()) !== 'Bar') await app.choose('Storage unit', 'Bar');
    };

    await test.step('give gin its case: six bottles', async () => {
      await inventory.tab('Ingredients');
      await page.getByRole('button', { name: 'Units of Gin' }).click();
      const dialog = page.getByRole('dialog', { name: 'Units of Gin' });
      await dialog.getByRole('textbox', { name: 'Unit', exact: true }).fill('case');
      await dialog.getByRole('textbox', { name: 'One is' }).fill('6 bottle');
      await dialog.getByRole('button', { name: 'Add unit' }).click();
      await expect(dialog.getByRole('table', { name: 'Units of Gin' })).toContainText('1 case');
      await expect(dialog.getByRole('table', { name: 'Units of Gin' })).toContainText('4.200 l');
      await app.screenshot('units-of-gin');
      await page.keyboard.press('Escape');
    });

    await test.step('receive 2 case of gin at 168.00, and tonic', async () => {
      await inventory.tab('Receipts');
      for (const [ingredient, quantity, value] of [
        ['Gin (l)', '2 case', '168'],
        ['Tonic (l)', '10', '20'],
      ] as const) {
        await app.choose('Ingredient', ingredient);
        await chooseBar();
        await page.getByLabel('Date').fill('2026-10-01');
        await page.getByRole('textbox', { name: 'Quantity', exact: true }).fill(quantity);
        await page.getByLabel('Total value').fill(value);
        await page.getByRole('button', { name: 'Add receipt' }).click();
        await expect(page.getByText(ingredient.replace(/ \(l\)$/, ''), { exact: true }).first()).toBeVisible();
      }
    });

    await test.step('count gin as 2 case + 5 bottle + 0,4 bottle: 12.18 l', async () => {
      await inventory.tab('Counts');
      await chooseBar();
      await page.getByLabel('Counted at').fill('2026-10-07T23:00');
      await page.getByRole('button', { name: 'Start a count' }).click();
      await page.getByLabel('Counted Gin').fill('2 case + 5 bottle + 0,4 bottle');
      await page.getByLabel('Counted Tonic').fill('10');
      await app.screenshot('units-count-sheet');
      await page.getByRole('button', { name: 'Finish count…' }).click();
      const summary = page.getByRole('dialog', { name: /Finish the count of Bar/ });
      await expect(summary).toContainText('12.180 l');
      await summary.getByRole('button', { name: 'Finish count', exact: true }).click();
      await expect(page.getByRole('table', { name: 'Counts' }).getByText('Finished').first()).toBeVisible();
      await inventory.tab('Ingredients');
      await expect(page.getByRole('table', { name: 'Ingredients' }).getByRole('row', { name: /^Gin/ })).toContainText('2 case 5 bottle 0.280 l in Bar');
      // Counted in bottles instead: 12.18 l is 17 bottle and 0.28 l.
      await page.getByRole('button', { name: 'Units of Gin' }).click();
      await app.choose('Stock and count sheets show it in', 'bottle and smaller', page.getByRole('dialog', { name: 'Units of Gin' }));
      await page.keyboard.press('Escape');
      await expect(page.getByRole('table', { name: 'Ingredients' }).getByRole('row', { name: /^Gin/ })).toContainText('17 bottle 0.280 l in Bar');
    });

    await test.step('a gin & tonic of 40 ml gin and 0,15 l tonic costs 1.10 a glass', async () => {
      const dialog = await inventory.createRecipe('Gin & Tonic', '1', [
        { target: 'Gin', quantity: '40 ml' },
        { target: 'Tonic', quantity: '0,15' },
      ]);
      const cost = dialog.getByLabel('Plate cost', { exact: true });
      await expect(cost).toContainText('Plate cost: 1.10 a portion');
      await expect(cost.getByRole('table', { name: 'Plate cost by line' })).toContainText('40 ml');
      await expect(cost.getByRole('table', { name: 'Plate cost by line' })).toContainText('0.80');
      await app.screenshot('units-plate-cost');
      await page.keyboard.press('Escape');
    });

    await test.step('a day of Square sales, mapped, in the menu report', async () => {
      await app.section('Sales sources');
      await page.getByRole('button', { name: 'Upload sales' }).click();
      await app.dropFile('File to upload', salesFile);
      const proposal = page.getByRole('region', { name: 'Proposed preset' });
      await app.choose('Storage unit for “Harbour Cafe”', 'Bar', proposal);
      await proposal.getByRole('button', { name: 'Use the Square preset' }).click();
      await page.getByRole('button', { name: /^Map the \d+ unmapped codes$/ }).click();
      await app.mapItem('Gin & Tonic (Regular)', /^Gin & Tonic/, '1');
      await app.mapItem('Gin Shot (Regular)', /^Gin \(l\)/, '4 cl');
      await app.section('Sales sources');
      await page.getByRole('region', { name: 'Square' }).getByRole('button', { name: 'Upload a file' }).click();
      await app.chooseFile('File', salesFile);
      await page.getByRole('button', { name: 'Post 1 day of sales' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'square-bar.csv' })).toContainText('8 rows posted');

      await app.section('Reports');
      await page.getByRole('tab', { name: 'Menu' }).click();
      await app.choose('Location', 'Harbour Cafe');
      await page.getByLabel('From').fill('2026-10-08');
      await page.getByLabel('To').fill('2026-10-08');
      await page.getByRole('button', { name: 'Show the menu' }).click();
      const menu = page.getByRole('table', { name: 'Menu' });
      // G&T: 9.00 − 1.10 = 7.90 a glass, 6 sold; shot: 6.00 − 0.80 = 5.20, 2 sold; average margin 7.225, popular from 2.8.
      await expect(menu.locator('[data-class="star"]')).toContainText('Gin & Tonic (Regular)');
      await expect(menu.locator('[data-class="star"]')).toContainText('$7.90');
      await expect(menu.locator('[data-class="dog"]')).toContainText('Gin Shot (Regular)');
      await expect(page.getByLabel('Menu quadrants')).toBeVisible();
      await app.screenshot('units-menu');
    });

    await test.step('a dearer delivery of gin: Home names it, and the G&T’s cost history shows the jump', async () => {
      await app.section('Inventory');
      await inventory.tab('Receipts');
      await app.choose('Ingredient', 'Gin (l)');
      await chooseBar();
      await page.getByLabel('Date').fill('2026-10-09');
      await page.getByRole('textbox', { name: 'Quantity', exact: true }).fill('1 bottle');
      await page.getByLabel('Total value').fill('16.80');
      await page.getByRole('button', { name: 'Add receipt' }).click();
      // 16.80 for 0.7 l is 24.00 a litre, against 20.00 before: +20 %.
      await app.section('Home');
      await expect(page.getByLabel('Price rises')).toContainText('Gin +20 % in the delivery of');
      await app.section('Inventory');
      await inventory.tab('Recipes');
      await page.getByRole('button', { name: 'Edit Gin & Tonic' }).click();
      await expect(page.getByLabel('Cost history')).toBeVisible();
      await app.screenshot('units-cost-history');
    });
  } finally {
    await page.close();
    await larder.stop();
  }
});
