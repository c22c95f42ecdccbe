import { describe, expect, it } from 'vitest';
import type { VarianceReport } from '../../../shared/model/stock';
import { varianceCsv } from './variance-csv';

const row = (ingredient: string) => ({
  ingredient,
  unit: 'kg',
  opening: '1',
  receipts: '0',
  theoretical: '0',
  waste: '0',
  moves: '0',
  expected: '1',
  counted: '1',
  variance_quantity: '0',
  variance_value: '0',
  variance_pct: null,
  no_cost: false,
});

describe('the variance CSV export', () => {
  it('writes names that start like a formula as text, so a spreadsheet never runs them', () => {
    const report: VarianceReport = { storage_unit: 'Main Kitchen', from: '2026-05-01T06:00:00Z', to: '2026-05-08T06:00:00Z', rows: ['=HYPERLINK("http://x","y")', '+cmd|calc', '@SUM(A1)', 'Tomato'].map(row), total_value: '0', currency: 'EUR' };
    const lines = varianceCsv(report).trim().split('\n');
    expect(lines[0]).toBe('ingredient,unit,opening,receipts,theoretical,waste,moves,expected,counted,variance_quantity,variance_value,variance_pct');
    expect(lines.slice(1).map((line) => line.split(',kg,')[0])).toEqual([`"'=HYPERLINK(""http://x"",""y"")"`, "'+cmd|calc", "'@SUM(A1)", 'Tomato']);
  });
});
