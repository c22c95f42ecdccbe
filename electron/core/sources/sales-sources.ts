// Sales sources: where a company's sales come from (the seed's Lightspeed K-Series, Sides POS and CSV
// upload). The only module that writes sales_sources. A source's name is the user's and unique within
// the company; its settings are the kind's own JSON (a CSV source's are its profile).
import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { CompanyScope } from '../db/company';
import { salesSources } from '../db/schema';
import type { SalesSourceKind } from '../../../shared/model/transfers';
import { DomainError } from '../domain-error';

export interface SalesSource {
  id: number;
  kind: SalesSourceKind;
  name: string;
  settings: unknown;
  updatedAt: string;
}

const COLUMNS = { id: salesSources.id, kind: salesSources.kind, name: salesSources.name, settings: salesSources.settings, updatedAt: salesSources.updatedAt };
type Row = Omit<SalesSource, 'settings'> & { settings: string };
const toSource = (row: Row): SalesSource => ({ ...row, settings: JSON.parse(row.settings) as unknown });
const select = (scope: CompanyScope, where: SQL | undefined) =>
  scope.db.orm.select(COLUMNS).from(salesSources).where(and(eq(salesSources.companyId, scope.companyId), where));

/** Creates the source, or replaces the settings of the source of that name; a name taken by another kind is refused. */
export async function saveSalesSource(scope: CompanyScope, source: { kind: SalesSourceKind; name: string; settings: unknown }, at: string): Promise<SalesSource> {
  return await scope.db.write(async () => {
    const existing = await findSalesSource(scope, source.name);
    if (existing && existing.kind !== source.kind) {
      throw new DomainError('invalid_input', `"${source.name}" already names a ${existing.kind} source; choose another name.`);
    }
    const settings = JSON.stringify(source.settings);
    const row = await scope.db.one(scope.db.orm
      .insert(salesSources)
      .values({ companyId: scope.companyId, kind: source.kind, name: source.name, settings, updatedAt: at })
      .onConflictDoUpdate({ target: [salesSources.companyId, salesSources.name], set: { settings, updatedAt: at } })
      .returning(COLUMNS));
    return toSource(row);
  });
}

export async function salesSourceOf(scope: CompanyScope, id: number): Promise<SalesSource> {
  const row = await scope.db.one(select(scope, eq(salesSources.id, id)));
  if (!row) throw new DomainError('sales_source_not_found', `There is no sales source with id ${id}.`);
  return toSource(row);
}

export async function findSalesSource(scope: CompanyScope, name: string): Promise<SalesSource | undefined> {
  const row = await scope.db.one(select(scope, eq(salesSources.name, name)));
  return row ? toSource(row) : undefined;
}

export const LIGHTSPEED_SOURCE_NAME = 'Lightspeed K-Series';

/**
 * The company's Lightspeed source, created with the first sync (one per company: one Lightspeed
 * connection). Its locations and items hang on it.
 */
export async function lightspeedSource(scope: CompanyScope, at: string): Promise<SalesSource> {
  const [existing] = await listSalesSources(scope, 'lightspeed');
  if (existing) return existing;
  const taken = await findSalesSource(scope, LIGHTSPEED_SOURCE_NAME);
  return await saveSalesSource(scope, { kind: 'lightspeed', name: taken ? `${LIGHTSPEED_SOURCE_NAME} (POS)` : LIGHTSPEED_SOURCE_NAME, settings: {} }, at);
}

/** By name. */
export async function listSalesSources(scope: CompanyScope, kind?: SalesSourceKind): Promise<SalesSource[]> {
  return (await scope.db.many(select(scope, kind === undefined ? undefined : eq(salesSources.kind, kind)).orderBy(asc(salesSources.name)))).map(toSource);
}
