import { afterEach, describe, expect, it } from 'vitest';
import { handMadeSale } from '../../demo/fake-lightspeed/fake-data';
import { HARBOUR, startRestaurant, type Restaurant } from '../../../test/support/restaurant';
import { createTestEngine } from '../../../test/support/test-engine';
import { saveCsvProfile } from '../sources/csv/csv-profiles';
import { importSetupFile } from './setup-import';
import { setupChecklist } from './checklist';

let restaurant: Restaurant | undefined;
afterEach(async () => {
  await restaurant?.dispose();
  restaurant = undefined;
});

const mapItems = async (run: Restaurant) => (await setupChecklist(run.engine.scope, run.engine.platform.clock)).steps.find((step) => step.step === 'map_items');

describe('"Map the important items"', () => {
  it('is done only when 80 % of each activated location’s last 30 days of sales value is mapped, and says the figure', async () => {
    const run = (restaurant = await startRestaurant({ salesPerDay: 4 }));
    // Three items mapped: by the old count the step was done whatever sold.
    expect((await mapItems(run))?.done).toBe(true);
    (await run.engine.db.statement(`UPDATE locations SET activated_at = '2026-05-01T00:00:00Z' WHERE business_location_id = ?`).run(HARBOUR));
    const cola = run.harbourItem('Cola 0.33 l');
    const cappuccino = run.harbourItem('Cappuccino');
    run.fake.data.setDaySales(Number(HARBOUR), '2026-05-06', [
      handMadeSale('s1', '2026-05-06T12:00:00Z', [
        { id: 'L1', name: 'Cola 0.33 l', sku: cola.sku, quantity: '4.000', amount: '10.00' },
        { id: 'L2', name: 'Cappuccino', sku: cappuccino.sku, quantity: '10.000', amount: '30.00' },
      ]),
    ]);
    await run.transfer('2026-05-06');
    expect(await mapItems(run)).toMatchObject({ done: false });
    expect((await mapItems(run))?.detail).toContain('Harbour Restaurant 25 %');

    await run.map('Cappuccino', { ingredient: 'Oat milk' }, '0.2');
    expect(await mapItems(run)).toMatchObject({ done: true });
    expect((await mapItems(run))?.detail).toContain('Harbour Restaurant 100 %');
  });
});

describe('the checklist follows the sales sources there are', () => {
  it('shows Lightspeed’s steps on a fresh install, and only the CSV steps for a company that uploads files', async () => {
    const engine = await createTestEngine({ now: '2026-05-08T10:00:00Z' });
    try {
      const steps = async () => (await setupChecklist(engine.scope, engine.platform.clock)).steps.map((step) => step.step);
      expect(await steps()).toContain('connect');
      expect(await steps()).not.toContain('csv_profile');
      await importSetupFile(engine.scope, JSON.stringify({ storageUnits: [{ name: 'Bar Storage' }] }));
      await saveCsvProfile(
        engine.scope,
        { name: 'Till', rules: [{ type: 'column_values_to_pos_codes', source_column: 'code' }], locations: { default: 'Bar Storage' } },
        '2026-05-08T10:00:00Z',
      );
      expect(await steps()).toEqual(['storage_units', 'ingredients', 'recipes', 'csv_profile', 'map_items', 'csv_upload', 'check_ledger']);
      expect((await setupChecklist(engine.scope, engine.platform.clock)).next).toBe('ingredients');
    } finally {
      engine.dispose();
    }
  });
});
