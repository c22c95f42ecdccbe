import type { CompanyScope } from '../db/company';
import { notAboveZero } from '../../../shared/decimal-text';
import { parseDecimal, QUANTITY_SCALE, MONEY_SCALE, roundToScale, toScaled } from '../decimal/decimal';
import { DomainError } from '../domain-error';
import { normalizeDate } from '../../../shared/dates';
import { listLedgerEntries, type LedgerEntryView } from './ledger';
import { deleteReceiptEntry, findReceiptByReference, ledgerRow, saveReceiptEntries, saveReceiptEntry } from './ledger-writer';
import { typedIn, unitBook, unitBooks, type UnitBook } from '../inventory/units';
import { requireStorageUnit } from '../inventory/storage-units';

export interface ReceiptInput {
  ingredientId: number;
  storageUnitId: number;
  /** "72", or in any unit the ingredient converts: "3 case" (then `value` is the three cases'). */
  quantity: string;
  /** The unit, when not typed after the quantity (a setup file's `unit`). */
  unit?: string | null | undefined;
  /** Total value of the delivered quantity, in the company's currency. */
  value: string;
  date: string;
  /** An invoice number or any key that makes this receipt unique; optional. */
  reference?: string | null | undefined;
}

/**
 * What a batch of receipts looks up, read once for all of them (a setup file's 60,000): each statement
 * saved is a round trip to a database server.
 */
export interface ReceiptLookups {
  books: ReadonlyMap<number, UnitBook>;
  storageUnitIds: ReadonlySet<number>;
  byReference: ReadonlyMap<string, { id: number; date: string }>;
}

export async function receiptLookups(scope: CompanyScope): Promise<ReceiptLookups> {
  const storageUnitIds = (await scope.db.statement('SELECT id FROM storage_units WHERE company_id = ?').pluck().all(scope.companyId)) as number[];
  const receipts = (await scope.db
    .statement(`SELECT reference, id, date FROM ledger_entries WHERE company_id = ? AND type = 'RECEIPT' AND reference IS NOT NULL`)
    .all(scope.companyId)) as { reference: string; id: number; date: string }[];
  return {
    books: await unitBooks(scope),
    storageUnitIds: new Set(storageUnitIds),
    byReference: new Map(receipts.map(({ reference, id, date }) => [reference, { id, date }])),
  };
}

async function receiptRow(scope: CompanyScope, input: ReceiptInput, lookups?: ReceiptLookups) {
  if (!lookups?.storageUnitIds.has(input.storageUnitId)) await requireStorageUnit(scope, input.storageUnitId);
  const book = lookups?.books.get(input.ingredientId) ?? (await unitBook(scope, input.ingredientId));
  const { quantity, typedQuantity } = typedIn(book, input.unit?.trim() ? `${input.quantity} ${input.unit.trim()}` : input.quantity, 'Quantity');
  if (!quantity.greaterThan(0)) throw new DomainError('invalid_quantity', `${notAboveZero('Received quantity')}.`);
  toScaled(roundToScale(quantity, QUANTITY_SCALE), QUANTITY_SCALE, 'invalid_quantity', 'Quantity');
  const value = parseDecimal(input.value, 'invalid_value', 'Value');
  if (value.isNegative()) throw new DomainError('invalid_value', 'A receipt value cannot be negative.');
  toScaled(value, MONEY_SCALE, 'invalid_value', 'Value');
  const reference = input.reference?.trim() || null;
  if (!input.date.trim()) throw new DomainError('date_required', 'A receipt needs the delivery date.');
  const date = normalizeDate(input.date);
  if (date === null) throw new DomainError('invalid_date_format', `"${input.date}" is not a date as YYYY-MM-DD or DD.MM.YYYY.`);
  return ledgerRow(scope, {
    type: 'RECEIPT',
    date,
    ingredientId: input.ingredientId,
    storageUnitId: input.storageUnitId,
    quantity,
    // A base unit's cost: 24.00 for a case of 24 bottles is 1.00 a bottle.
    unitCost: value.dividedBy(quantity),
    value,
    reference,
    typedQuantity,
  });
}

export async function createReceipt(scope: CompanyScope, input: ReceiptInput): Promise<number> {
  return await scope.db.write(async () => {
    const row = await receiptRow(scope, input);
    if (row.reference !== null && await findReceiptByReference(scope, row.reference)) {
      throw new DomainError('receipt_reference_taken', `A receipt with reference "${row.reference}" already exists.`);
    }
    return await saveReceiptEntry(scope, row);
  });
}

/** A receipt checked and matched to the one of the same reference, ready to save. */
export interface PreparedReceipt {
  row: Awaited<ReturnType<typeof receiptRow>>;
  existing: { id: number; date: string } | undefined;
}

/** `lookups`: read once for a batch (receiptLookups), when many receipts are prepared together. */
export async function prepareReceipt(scope: CompanyScope, input: ReceiptInput & { reference: string }, lookups?: ReceiptLookups): Promise<PreparedReceipt> {
  const existing = lookups ? lookups.byReference.get(input.reference) : await findReceiptByReference(scope, input.reference);
  return { row: await receiptRow(scope, input, lookups), existing };
}

/** Prepared receipts in one transaction, each created or updating the one of its reference; answers their ids. */
export async function saveReceipts(scope: CompanyScope, receipts: readonly PreparedReceipt[]): Promise<number[]> {
  return await saveReceiptEntries(scope, receipts);
}

/** Creates the receipt, or updates the one with the same reference: importing a file twice never duplicates. */
export async function upsertReceiptByReference(scope: CompanyScope, input: ReceiptInput & { reference: string }): Promise<number> {
  return await scope.db.write(async () => (await saveReceipts(scope, [await prepareReceipt(scope, input)]))[0] as number);
}

export async function listReceipts(scope: CompanyScope, limit?: number): Promise<LedgerEntryView[]> {
  return await listLedgerEntries(scope, { type: 'RECEIPT', limit });
}

export async function deleteReceipt(scope: CompanyScope, id: number): Promise<void> {
  await deleteReceiptEntry(scope, id);
}
