import type { LarderDb } from './open-database';
import { companies } from './schema';

/** Every domain call works inside one company: the objects it reads and writes must belong to it. */
export interface CompanyScope {
  readonly db: LarderDb;
  readonly companyId: number;
}

export const DEFAULT_COMPANY_NAME = 'My restaurant';

/** The desktop app has one company per data folder, created on first start. */
export async function ensureDefaultCompany(db: LarderDb): Promise<number> {
  return await db.write(async () => {
    const existing = await db.one(db.orm.select({ id: companies.id }).from(companies).orderBy(companies.id).limit(1));
    if (existing) return existing.id;
    return (await db.one(db.orm.insert(companies).values({ name: DEFAULT_COMPANY_NAME }).returning({ id: companies.id }))).id;
  });
}
