import type { LarderDb } from './open-database';
import { companies } from './schema';

/** Every domain call works inside one company: the objects it reads and writes must belong to it. */
export interface CompanyScope {
  readonly db: LarderDb;
  readonly companyId: number;
}

export const DEFAULT_COMPANY_NAME = 'My restaurant';

/** The desktop app has one company per data folder, created on first start. */
export function ensureDefaultCompany(db: LarderDb): number {
  return db.write(() => {
    const existing = db.orm.select({ id: companies.id }).from(companies).orderBy(companies.id).limit(1).get();
    if (existing) return existing.id;
    return db.orm.insert(companies).values({ name: DEFAULT_COMPANY_NAME }).returning({ id: companies.id }).get().id;
  });
}
