import type { LedgerEntryType } from '../../../shared/model/ledger';

/** An entry's type in words: the ledger's own names (ISSUE, ADJUSTMENT) are the engine's and the CLI's. */
export const ENTRY_TYPE_WORDS: Record<LedgerEntryType, string> = {
  ISSUE: 'Sales (issue)',
  RECEIPT: 'Receipt',
  COUNT: 'Count',
  WASTE: 'Waste',
  ADJUSTMENT: 'Move',
};
