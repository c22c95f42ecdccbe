import type { LarderDb } from '../../electron/core/db/open-database';

/** sold_item_days as stored, and as summed afresh from the cached sales: a test expects them equal. */
export async function soldItemDays(db: LarderDb): Promise<{ stored: unknown[]; summed: unknown[] }> {
  const order = 'ORDER BY 1, 2, 3';
  return {
    stored: await db.statement(`SELECT location_id, business_date, sold_item_id, lines, units, value FROM sold_item_days ${order}`).all(),
    summed: await db
      .statement(
        `SELECT s.location_id, s.business_date, l.sold_item_id, count(*) AS lines, sum(l.quantity) AS units, sum(coalesce(l.net_amount, 0)) AS value
         FROM sales s JOIN sales_lines l ON l.sale_id = s.id JOIN sold_items i ON i.id = l.sold_item_id
         WHERE l.quantity > 0 AND trim(i.name) <> '' AND s.type <> 'VOID' AND NOT s.cancelled
         GROUP BY s.location_id, s.business_date, l.sold_item_id ${order}`,
      )
      .all(),
  };
}
