import { and, asc, eq } from 'drizzle-orm';
import type { CompanyScope } from '../db/company';
import { ledgerEntries, storageUnits } from '../db/schema';
import { DomainError } from '../domain-error';
import { requireName } from './names';
import type { StorageUnit } from '../../../shared/model/inventory';


export async function listStorageUnits(scope: CompanyScope): Promise<StorageUnit[]> {
  return await scope.db.many(scope.db.orm
    .select({ id: storageUnits.id, name: storageUnits.name })
    .from(storageUnits)
    .where(eq(storageUnits.companyId, scope.companyId))
    .orderBy(asc(storageUnits.name)));
}

/** A storage unit of another company is named as such (the seed's code), not as missing. */
export async function requireStorageUnit(scope: CompanyScope, id: number): Promise<StorageUnit & { companyId: number }> {
  // Per row of a receipt import: prepared once, not built by the query builder each time.
  const row = await scope.db.statement('SELECT id, company_id AS companyId, name FROM storage_units WHERE id = ?').get(id) as (StorageUnit & { companyId: number }) | undefined;
  if (!row) throw new DomainError('storage_unit_not_found', `No storage unit with id ${id}.`);
  if (row.companyId !== scope.companyId) {
    throw new DomainError('storage_unit_company_mismatch', `Storage unit ${id} belongs to another company.`);
  }
  return row;
}

export async function findStorageUnitByName(scope: CompanyScope, name: string): Promise<StorageUnit | undefined> {
  return await scope.db.one(scope.db.orm
    .select({ id: storageUnits.id, name: storageUnits.name })
    .from(storageUnits)
    .where(and(eq(storageUnits.companyId, scope.companyId), eq(storageUnits.name, name.trim()))));
}

export async function saveStorageUnit(scope: CompanyScope, input: { id?: number; name: string }): Promise<StorageUnit> {
  const name = requireName(input.name, 'Storage unit name');
  return await scope.db.write(async () => {
    const clash = await findStorageUnitByName(scope, name);
    if (clash && clash.id !== input.id) {
      throw new DomainError('storage_unit_name_taken', `A storage unit named "${name}" already exists.`);
    }
    if (input.id === undefined) {
      return await scope.db.one(scope.db.orm
        .insert(storageUnits)
        .values({ companyId: scope.companyId, name })
        .returning({ id: storageUnits.id, name: storageUnits.name }));
    }
    await requireStorageUnit(scope, input.id);
    await scope.db.exec(scope.db.orm.update(storageUnits).set({ name }).where(eq(storageUnits.id, input.id)));
    return { id: input.id, name };
  });
}

export async function deleteStorageUnit(scope: CompanyScope, id: number): Promise<void> {
  await scope.db.write(async () => {
    await requireStorageUnit(scope, id);
    const used = await scope.db.one(scope.db.orm.select({ id: ledgerEntries.id }).from(ledgerEntries).where(eq(ledgerEntries.storageUnitId, id)).limit(1));
    if (used) throw new DomainError('storage_unit_in_use', 'This storage unit has ledger entries and cannot be deleted.');
    await scope.db.exec(scope.db.orm.delete(storageUnits).where(eq(storageUnits.id, id)));
  });
}
