// Suggested mapping targets for a POS item, never applied by themselves: recipes and ingredients
// ranked by how alike their names are (Fuse.js, a well-kept fuzzy matcher: Bitap with a score from 0,
// same, to 1), and a recipe whose name contains the item's name above everything else, so "Classic
// Burger" suggests "Classic Burger recipe" before "Burger bun".
import Fuse from 'fuse.js';
import type { CompanyScope } from '../db/company';
import { listIngredients } from '../inventory/ingredients';
import { listRecipes } from '../inventory/recipes';
import type { SuggestionView } from '../../../shared/model/items';

export type Suggestion = SuggestionView;

const MAX_SUGGESTIONS = 3;
// 0.55: close enough that "Cola 0.33 l" finds "Cola bottle 0.33 l", far enough that "Gin tonic" does not find "Frying oil".
const THRESHOLD = 0.55;

/**
 * What tills add to a dish's name: a size, "to go", a unit in brackets, "by weight". Left out when
 * looking for a target, so "Cheese by weight (kg)" finds "Cheese" and "Espresso large" "Espresso".
 */
const TILL_ADDITIONS = /\(([^)]*)\)|\bby weight\b|\blarge\b|\bsmall\b|\bregular\b|\bto go\b/gi;
const dishOf = (itemName: string) => itemName.replace(TILL_ADDITIONS, ' ').replace(/\s+/g, ' ').trim() || itemName.trim();

/** Suggestions for many names against one index of the company's recipes and ingredients. */
export async function suggester(scope: CompanyScope): Promise<(itemName: string) => Suggestion[]> {
  const targets = [
    ...(await listRecipes(scope)).map((recipe) => ({ kind: 'recipe' as const, name: recipe.name, id: recipe.id })),
    ...(await listIngredients(scope)).map((ingredient) => ({ kind: 'ingredient' as const, name: ingredient.name, id: ingredient.id })),
  ];
  const fuse = new Fuse(targets, { keys: ['name'], includeScore: true, ignoreLocation: true, threshold: THRESHOLD });
  return (itemName) => {
    const dish = dishOf(itemName);
    const wanted = dish.toLowerCase();
    const containing = (suggestion: Suggestion) => suggestion.kind === 'recipe' && suggestion.name.toLowerCase().includes(wanted);
    return fuse
      .search(dish)
      .map(({ item, score }) => ({ ...item, score: Math.round((1 - (score ?? 1)) * 1000) / 1000 }))
      // Fuse's threshold bounds the best letter match, not the score it reports (which also weighs the
      // name's length): "Club sandwich" would still offer "Fish and chips recipe" at 0.27 without this.
      .filter((suggestion) => suggestion.score >= 1 - THRESHOLD)
      .sort((a, b) => Number(containing(b)) - Number(containing(a)) || b.score - a.score || a.name.localeCompare(b.name))
      .slice(0, MAX_SUGGESTIONS);
  };
}

export async function suggestTargets(scope: CompanyScope, itemName: string): Promise<Suggestion[]> {
  return (await suggester(scope))(itemName);
}
