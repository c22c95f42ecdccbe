// Sales sources: where a company's sales come from (the seed's Lightspeed K-Series, Sides POS and CSV
// upload). The only module that writes sales_sources. A source's name is the user's and unique within
// the company; its settings are the kind's own JSON (a CSV source's are its profile).
import type { CompanyScope } from '../db/company';
import type { SalesSourceKind } from '../../../shared/model/transfers';
import { DomainError } from '../domain-error';

export interface SalesSource {
  id: number;
  kind: SalesSourceKind;
  name: string;
  settings: unknown;
  updatedAt: string;
}

type Row = Omit<SalesSource, 'settings'> & { settings: string };
const toSource = (row: Row): SalesSource => ({ ...row, settings: JSON.parse(row.settings) as unknown });
const SELECT = 'SELECT id, kind, name, settings, updated_at AS updatedAt FROM sales_sources';

/** Creates the source, or replaces the settings of the source of that name; a name taken by another kind is refused. */
export function saveSalesSource(scope: CompanyScope, source: { kind: SalesSourceKind; name: string; settings: unknown }, at: string): SalesSource {
  return scope.db.write(() => {
    const existing = findSalesSource(scope, source.name);
    if (existing && existing.kind !== source.kind) {
      throw new DomainError('invalid_input', `"${source.name}" already names a ${existing.kind} source; choose another name.`);
    }
    const row = scope.db.sqlite
      .prepare(
        `INSERT INTO sales_sources (company_id, kind, name, settings, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (company_id, name) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at
         RETURNING id, kind, name, settings, updated_at AS updatedAt`,
      )
      .get(scope.companyId, source.kind, source.name, JSON.stringify(source.settings), at) as Row;
    return toSource(row);
  });
}

export function salesSourceOf(scope: CompanyScope, id: number): SalesSource {
  const row = scope.db.statement(`${SELECT} WHERE company_id = ? AND id = ?`).get(scope.companyId, id) as Row | undefined;
  if (!row) throw new DomainError('sales_source_not_found', `There is no sales source with id ${id}.`);
  return toSource(row);
}

export function findSalesSource(scope: CompanyScope, name: string): SalesSource | undefined {
  const row = scope.db.sqlite.prepare(`${SELECT} WHERE company_id = ? AND name = ?`).get(scope.companyId, name) as Row | undefined;
  return row ? toSource(row) : undefined;
}

export const LIGHTSPEED_SOURCE_NAME = 'Lightspeed K-Series';

/**
 * The company's Lightspeed source, created with the first sync (one per company: one Lightspeed
 * connection). Its locations and items hang on it.
 */
export function lightspeedSource(scope: CompanyScope, at: string): SalesSource {
  const [existing] = listSalesSources(scope, 'lightspeed');
  if (existing) return existing;
  const taken = findSalesSource(scope, LIGHTSPEED_SOURCE_NAME);
  return saveSalesSource(scope, { kind: 'lightspeed', name: taken ? `${LIGHTSPEED_SOURCE_NAME} (POS)` : LIGHTSPEED_SOURCE_NAME, settings: {} }, at);
}

/** By name. */
export function listSalesSources(scope: CompanyScope, kind?: SalesSourceKind): SalesSource[] {
  const rows = (
    kind === undefined
      ? scope.db.sqlite.prepare(`${SELECT} WHERE company_id = ? ORDER BY name`).all(scope.companyId)
      : scope.db.sqlite.prepare(`${SELECT} WHERE company_id = ? AND kind = ? ORDER BY name`).all(scope.companyId, kind)
  ) as Row[];
  return rows.map(toSource);
}
