import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestEngine, refusal, type TestEngine } from '../../../test/support/test-engine';
import { findSalesSource, listSalesSources, saveSalesSource } from './sales-sources';

let engine: TestEngine;
beforeEach(async () => (engine = await createTestEngine()));
afterEach(() => engine.dispose());

describe('sales sources', () => {
  it('are unique by name: saving again replaces the settings, another kind may not take the name', async () => {
    const first = await saveSalesSource(engine.scope, { kind: 'csv', name: 'Kasse', settings: { delimiter: ';' } }, '2026-05-08T10:00:00Z');
    const again = await saveSalesSource(engine.scope, { kind: 'csv', name: 'Kasse', settings: { delimiter: ',' } }, '2026-05-08T11:00:00Z');
    expect(again).toEqual({ id: first.id, kind: 'csv', name: 'Kasse', settings: { delimiter: ',' }, updatedAt: '2026-05-08T11:00:00Z' });
    expect(await refusal(() => saveSalesSource(engine.scope, { kind: 'sides', name: 'Kasse', settings: {} }, '2026-05-08T12:00:00Z'))).toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('already names a csv source'),
    });
    await saveSalesSource(engine.scope, { kind: 'sides', name: 'Franchise', settings: {} }, '2026-05-08T12:00:00Z');
    expect((await listSalesSources(engine.scope)).map((source) => source.name)).toEqual(['Franchise', 'Kasse']);
    expect((await listSalesSources(engine.scope, 'csv')).map((source) => source.name)).toEqual(['Kasse']);
    expect(await findSalesSource(engine.scope, 'Nope')).toBeUndefined();
    await expect(engine.db.statement(`INSERT INTO sales_sources (company_id, kind, name, updated_at) VALUES (1, 'fax', 'x', 'now')`).run()).rejects.toThrow(/CHECK|check/);
  });
});
