// What one transfer did, in a word and a colour, for the result panel, the log list and the log: green
// only when every sold line deducted and the day was closed; amber when something needs a look.
import { INCOMPLETE_DAY_WORDS } from '../../../shared/model/transfers';

export interface TransferFacts {
  status: 'processing' | 'success' | 'failed';
  noData: boolean;
  dataComplete: boolean | null;
  linesSold: number;
  linesUnmapped: number;
  /** When the CSV upload that posted it was reverted. */
  revertedAt?: string | null;
  /** Rows of the CSV file that posted it which could not be read and were skipped. */
  csvRowsInvalid?: number;
  /** A later forced run of the same day that deleted this run's entries: what it posted is no longer in the ledger. */
  replacedByLogId?: number | null;
  /** The day held against the POS's own totals (a log has it; a list row does not). */
  reconciliation?: { status: 'match' | 'differs' | 'unavailable' } | null;
}

export interface Outcome {
  color: 'green' | 'yellow' | 'red' | 'blue' | 'gray';
  /** A word or two, for a badge. */
  label: string;
  /** The whole sentence: the label and what needs a look. */
  words: string;
}


export function transferOutcome(facts: TransferFacts): Outcome {
  if (facts.status === 'failed') return { color: 'red', label: 'failed', words: 'failed' };
  if (facts.status === 'processing') return { color: 'blue', label: 'running', words: 'running' };
  if (facts.replacedByLogId) return { color: 'gray', label: 'replaced', words: 'replaced by a later run of the day' };
  if (facts.revertedAt) return { color: 'gray', label: 'reverted', words: 'reverted: its upload was taken back' };
  if (facts.noData) return { color: 'gray', label: 'no sales', words: 'no sales that day' };
  if (facts.dataComplete === false) return { color: 'yellow', label: 'incomplete', words: INCOMPLETE_DAY_WORDS };
  if (facts.csvRowsInvalid) return { color: 'yellow', label: 'posted', words: `posted, ${facts.csvRowsInvalid} invalid ${facts.csvRowsInvalid === 1 ? 'row' : 'rows'} of the file skipped` };
  if (facts.reconciliation?.status === 'differs') return { color: 'yellow', label: 'posted', words: 'posted, but Lightspeed’s own totals of the day differ' };
  if (facts.linesUnmapped > 0) return { color: 'yellow', label: 'posted', words: `posted, ${facts.linesUnmapped} of ${facts.linesSold} lines unmapped` };
  return { color: 'green', label: 'posted', words: 'posted' };
}

/** The share of the day's net sales value that deducted nothing, as "12 %": a whole percent for display; no amount is computed from it. */
export function unmappedShare(salesValue: string, unmappedValue: string): string | null {
  const total = Number(salesValue);
  if (!(total > 0)) return null;
  return `${Math.round((Number(unmappedValue) / total) * 100)} %`;
}

/** Who or what ran a transfer, in words (the log list's "Run by" and the log's). */
export const RUN_BY: Record<string, string> = {
  manual: 'hand (manual issue)',
  nightly: 'the nightly run',
  migration: 'the 90-day migration',
  csv_upload: 'a CSV upload',
  reprocess: 'a reprocess (today’s mappings applied to a past day)',
};

/** What ran the transfer, and for whom on a Larder server ("hand (manual issue), Max Manager"). */
export const ranBy = (log: { trigger: string; startedBy: string | null }): string => `${RUN_BY[log.trigger] ?? log.trigger}${log.startedBy ? `, ${log.startedBy}` : ''}`;
