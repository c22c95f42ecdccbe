import { describe, expect, it } from 'vitest';
import { isDecimalText, isPositiveDecimalText, notAboveZero } from './decimal-text';

describe('a typed quantity that must be above 0', () => {
  it('reads 0,009 and 0.009 alike, and refuses 0, 0,000 and negatives in one message', () => {
    expect(['0,009', '0.009', '3', '1,5'].map(isPositiveDecimalText)).toEqual([true, true, true, true]);
    expect(['0', '0,000', '0.0', '-1', '-0,5', 'abc', ''].map(isPositiveDecimalText)).toEqual([false, false, false, false, false, false, false]);
    expect(isDecimalText('0')).toBe(true);
    expect(notAboveZero('Quantity per item sold')).toBe('Quantity per item sold: type an amount above 0 (0,009 and 0.009 both work)');
  });
});
