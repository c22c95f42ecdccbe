import { describe, expect, it } from 'vitest';
import { Decimal, formatDecimal } from '../decimal/decimal';
import type { Explosion } from '../inventory/recipe-explosion';
import { deductLine } from './line-deduction';
import type { LineMapping } from '../items/mapping-lookup';

const ingredient = (quantity: string, isSubtraction = false): LineMapping => ({
  ingredientId: 7,
  recipeId: null,
  quantity: new Decimal(quantity),
  isSubtraction,
  targetType: 'ingredient',
  targetName: 'Coffee beans',
});

const burger: LineMapping = { ingredientId: null, recipeId: 3, quantity: new Decimal(1), isSubtraction: false, targetType: 'recipe', targetName: 'Classic Burger recipe' };

/** One burger: a bun, a patty and 0.03 kg of tomato at 10 % trim (0.0333… kg gross). */
const onePortion = (): Explosion => ({
  ingredients: new Map([
    [1, new Decimal(1)],
    [2, new Decimal(1)],
    [5, new Decimal('0.03').dividedBy('0.9')],
  ]),
  exceptions: [],
});

const plain = (changes: Map<number, Decimal>) => Object.fromEntries([...changes].map(([id, quantity]) => [id, formatDecimal(quantity)]));

describe('what one sold line deducts', () => {
  it('an ingredient mapping: 20 espressos × 0.009 kg is exactly 0.18 kg out', () => {
    const deduction = deductLine(new Decimal('20'), ingredient('0.009'), () => {
      throw new Error('no recipe here');
    });
    expect(formatDecimal(deduction.sold)).toBe('0.18');
    expect(plain(deduction.changes)).toEqual({ 7: '-0.18' });
  });

  it('a recipe mapping: the portions exploded, each ingredient rounded once to 6 decimals', () => {
    expect(plain(deductLine(new Decimal('5'), burger, onePortion).changes)).toEqual({ 1: '-5', 2: '-5', 5: '-0.166667' });
  });

  it('a subtraction mapping gives the same back, and a change that rounds to zero makes no entry', () => {
    expect(plain(deductLine(new Decimal('1'), ingredient('1', true), onePortion).changes)).toEqual({ 7: '1' });
    expect(plain(deductLine(new Decimal('0.0000001'), ingredient('1'), onePortion).changes)).toEqual({});
  });

  it('passes the explosion’s exceptions on', () => {
    const broken = (): Explosion => ({ ingredients: new Map(), exceptions: [{ code: 'recipe_cycle', path: ['A', 'B', 'A'] }] });
    expect(deductLine(new Decimal('1'), burger, broken).exceptions).toEqual([{ code: 'recipe_cycle', path: ['A', 'B', 'A'] }]);
  });
});
