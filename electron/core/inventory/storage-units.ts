import { and, asc, eq } from 'drizzle-orm';
import type { CompanyScope } from '../db/company';
import { ledgerEntries, storageUnits } from '../db/schema';
import { DomainError } from '../domain-error';
import { requireName } from './names';
import type { StorageUnit } from '../../../shared/model/inventory';


export function listStorageUnits(scope: CompanyScope): StorageUnit[] {
  return scope.db.orm
    .select({ id: storageUnits.id, name: storageUnits.name })
    .from(storageUnits)
    .where(eq(storageUnits.companyId, scope.companyId))
    .orderBy(asc(storageUnits.name))
    .all();
}

/** A storage unit of another company is named as such (the seed's code), not as missing. */
export function requireStorageUnit(scope: CompanyScope, id: number): StorageUnit & { companyId: number } {
  // Per row of a receipt import: prepared once, not built by the query builder each time.
  const row = scope.db.statement('SELECT id, company_id AS companyId, name FROM storage_units WHERE id = ?').get(id) as (StorageUnit & { companyId: number }) | undefined;
  if (!row) throw new DomainError('storage_unit_not_found', `No storage unit with id ${id}.`);
  if (row.companyId !== scope.companyId) {
    throw new DomainError('storage_unit_company_mismatch', `Storage unit ${id} belongs to another company.`);
  }
  return row;
}

export function findStorageUnitByName(scope: CompanyScope, name: string): StorageUnit | undefined {
  return scope.db.orm
    .select({ id: storageUnits.id, name: storageUnits.name })
    .from(storageUnits)
    .where(and(eq(storageUnits.companyId, scope.companyId), eq(storageUnits.name, name.trim())))
    .get();
}

export function saveStorageUnit(scope: CompanyScope, input: { id?: number; name: string }): StorageUnit {
  const name = requireName(input.name, 'Storage unit name');
  return scope.db.write(() => {
    const clash = findStorageUnitByName(scope, name);
    if (clash && clash.id !== input.id) {
      throw new DomainError('storage_unit_name_taken', `A storage unit named "${name}" already exists.`);
    }
    if (input.id === undefined) {
      return scope.db.orm
        .insert(storageUnits)
        .values({ companyId: scope.companyId, name })
        .returning({ id: storageUnits.id, name: storageUnits.name })
        .get();
    }
    requireStorageUnit(scope, input.id);
    scope.db.orm.update(storageUnits).set({ name }).where(eq(storageUnits.id, input.id)).run();
    return { id: input.id, name };
  });
}

export function deleteStorageUnit(scope: CompanyScope, id: number): void {
  scope.db.write(() => {
    requireStorageUnit(scope, id);
    const used = scope.db.orm.select({ id: ledgerEntries.id }).from(ledgerEntries).where(eq(ledgerEntries.storageUnitId, id)).limit(1).get();
    if (used) throw new DomainError('storage_unit_in_use', 'This storage unit has ledger entries and cannot be deleted.');
    scope.db.orm.delete(storageUnits).where(eq(storageUnits.id, id)).run();
  });
}
