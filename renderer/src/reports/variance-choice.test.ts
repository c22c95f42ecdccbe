import { describe, expect, it } from 'vitest';
import { firstUnitWithTwoCounts } from './variance-choice';

describe('the variance report’s first storage unit', () => {
  it('is one with two finished counts, even when another comes first by name', () => {
    const counts = [{ storage_unit: 'Main Kitchen' }, { storage_unit: 'Bar Storage' }, { storage_unit: 'Main Kitchen' }];
    expect(firstUnitWithTwoCounts(counts)).toBe('Main Kitchen');
    expect(firstUnitWithTwoCounts([{ storage_unit: 'Main Kitchen' }, { storage_unit: 'Bar Storage' }])).toBe('Bar Storage');
    expect(firstUnitWithTwoCounts([])).toBeNull();
  });
});
