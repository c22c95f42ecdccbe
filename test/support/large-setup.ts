/**
 * A large group's setup file, generated: `ingredients` ingredients, `receipts` receipts spread over
 * three storage units and 252 days, and `recipes` recipes of four ingredient lines each, chained ten
 * deep through sub-recipes (what a cycle check walks).
 */
export function largeSetupFile(ingredients: number, receipts: number, recipes: number): string {
  const units = ['Main Kitchen', 'Bar Storage', 'Cellar'];
  return JSON.stringify({
    storageUnits: units.map((name) => ({ name })),
    ingredients: Array.from({ length: ingredients }, (_, index) => ({ name: `Ingredient ${index}`, unit: 'kg' })),
    recipes: Array.from({ length: recipes }, (_, index) => ({
      name: `Recipe ${index}`,
      yield: '1',
      lines: [
        ...Array.from({ length: 4 }, (_, line) => ({ ingredient: `Ingredient ${(index * 7 + line * 13) % ingredients}`, quantity: '0.125' })),
        ...(index % 10 !== 0 ? [{ recipe: `Recipe ${index - 1}`, quantity: '0.5' }] : []),
      ],
    })),
    receipts: Array.from({ length: receipts }, (_, index) => ({
      ingredient: `Ingredient ${index % ingredients}`,
      storageUnit: units[index % units.length],
      quantity: '2.5',
      value: '7.25',
      date: `2026-0${1 + (index % 9)}-${String(1 + (index % 28)).padStart(2, '0')}`,
    })),
  });
}
