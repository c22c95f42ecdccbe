import { stringify } from 'csv-stringify/browser/esm/sync';
import type { VarianceReport } from '../../../shared/model/stock';

const VARIANCE_COLUMNS = ['ingredient', 'unit', 'opening', 'receipts', 'theoretical', 'waste', 'moves', 'expected', 'counted', 'variance_quantity', 'variance_value', 'variance_pct'] as const;

/**
 * The variance report as a CSV file for a spreadsheet. A name that starts like a formula
 * (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`) is written as text: a spreadsheet would run it.
 */
export function varianceCsv(report: VarianceReport): string {
  return stringify(
    report.rows.map((row) => VARIANCE_COLUMNS.map((column) => row[column] ?? '')),
    { header: true, columns: [...VARIANCE_COLUMNS], escape_formulas: true },
  );
}
