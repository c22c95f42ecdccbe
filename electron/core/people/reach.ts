// What a Larder server's door looks up to place a request in a person's reach: which storage unit an
// id or a count is of. Reads only; the tables are their own modules' to write.
import type { CompanyScope } from '../db/company';

export async function storageUnitNameOf(scope: CompanyScope, id: number): Promise<string | null> {
  return ((await scope.db.statement('SELECT name FROM storage_units WHERE company_id = ? AND id = ?').pluck().get(scope.companyId, id)) as string | undefined) ?? null;
}

export async function countStorageUnitOf(scope: CompanyScope, countId: number): Promise<string | null> {
  return (
    ((await scope.db
      .statement('SELECT s.name FROM stock_counts c JOIN storage_units s ON s.id = c.storage_unit_id WHERE s.company_id = ? AND c.id = ?')
      .pluck()
      .get(scope.companyId, countId)) as string | undefined) ?? null
  );
}
