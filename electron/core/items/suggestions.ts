// Suggested mapping targets for a POS item, never applied by themselves: recipes and ingredients
// ranked by how alike their names are (Fuse.js, a well-kept fuzzy matcher: Bitap with a score from 0,
// same, to 1), and a recipe whose name contains the item's name above everything else, so "Classic
// Burger" suggests "Classic Burger recipe" before "Burger bun".
import Fuse from 'fuse.js';
import type { CompanyScope } from '../db/company';
import { listIngredients } from '../inventory/ingredients';
import { listRecipes } from '../inventory/recipes';

export interface Suggestion {
  kind: 'recipe' | 'ingredient';
  name: string;
  /** Similarity, 0 to 1 (1: the same name), to 3 decimals. */
  score: number;
}

const MAX_SUGGESTIONS = 3;

export function suggestTargets(scope: CompanyScope, itemName: string): Suggestion[] {
  const targets = [
    ...listRecipes(scope).map((recipe) => ({ kind: 'recipe' as const, name: recipe.name })),
    ...listIngredients(scope).map((ingredient) => ({ kind: 'ingredient' as const, name: ingredient.name })),
  ];
  const wanted = itemName.trim().toLowerCase();
  const fuse = new Fuse(targets, { keys: ['name'], includeScore: true, ignoreLocation: true, threshold: 0.6 });
  const found = fuse.search(itemName.trim()).map(({ item, score }) => ({ ...item, score: Math.round((1 - (score ?? 1)) * 1000) / 1000 }));
  const containing = (suggestion: Suggestion) => suggestion.kind === 'recipe' && suggestion.name.toLowerCase().includes(wanted);
  return found
    .sort((a, b) => Number(containing(b)) - Number(containing(a)) || b.score - a.score || a.name.localeCompare(b.name))
    .slice(0, MAX_SUGGESTIONS);
}
