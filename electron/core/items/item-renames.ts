// Renames found by a sync: an item whose SKU Larder knew comes back under another name. Its group (by
// SKU) keeps its mapping, so deductions go on; the rename waits in a review list until the manager
// confirms the new name or remaps the group ("Cappuccino → Cappuccino (oat)" may now need oat milk).
import type { CompanyScope } from '../db/company';
import { DomainError } from '../domain-error';
import { targetView } from './mapping-target';
import type { ItemRenameView } from '../../../shared/model/items';

/**
 * Before a sync saves `seen` (a source's items by item id), notes each item that keeps its SKU under
 * a new name while its group is mapped. A second rename before review updates the open one; a
 * rename back to the reviewed name closes it.
 */
export async function noteRenames(scope: CompanyScope, sourceId: number, seen: { itemId: string; name: string; sku: string | null }[], at: string): Promise<void> {
  const known = scope.db.statement(
    `SELECT i.id, i.name, i.sku FROM pos_items i WHERE i.company_id = ? AND i.source_id = ? AND i.item_id = ?
       AND EXISTS (SELECT 1 FROM pos_mappings m WHERE m.company_id = i.company_id AND m.group_key = i.group_key)`,
  );
  const open = scope.db.statement('SELECT id, old_name AS oldName FROM item_renames WHERE pos_item_id = ? AND resolved_at IS NULL');
  const insert = scope.db.statement('INSERT INTO item_renames (company_id, pos_item_id, old_name, new_name, found_at) VALUES (?, ?, ?, ?, ?)');
  const update = scope.db.statement('UPDATE item_renames SET new_name = ?, found_at = ? WHERE id = ?');
  const drop = scope.db.statement('DELETE FROM item_renames WHERE id = ?');
  for (const item of seen) {
    const before = await known.get(scope.companyId, sourceId, item.itemId) as { id: number; name: string; sku: string | null } | undefined;
    if (!before?.sku || before.sku !== item.sku || before.name === item.name) continue;
    const pending = await open.get(before.id) as { id: number; oldName: string } | undefined;
    if (!pending) await insert.run(scope.companyId, before.id, before.name, item.name, at);
    else if (pending.oldName === item.name) await drop.run(pending.id);
    else await update.run(item.name, at, pending.id);
  }
}

export async function openRenames(scope: CompanyScope): Promise<ItemRenameView[]> {
  const rows = await scope.db
    .statement(
      `SELECT r.id, r.pos_item_id AS posItemId, r.old_name AS oldName, r.new_name AS newName, r.found_at AS foundAt, s.name AS source,
              m.mapped_object_type AS type, coalesce(g.name, rc.name) AS target, m.quantity, m.unit, m.is_subtraction AS isSubtraction
       FROM item_renames r JOIN pos_items i ON i.id = r.pos_item_id JOIN sales_sources s ON s.id = i.source_id
       LEFT JOIN pos_mappings m ON m.company_id = i.company_id AND m.group_key = i.group_key AND m.location_id IS NULL
       LEFT JOIN ingredients g ON g.id = m.ingredient_id LEFT JOIN recipes rc ON rc.id = m.recipe_id
       WHERE r.company_id = ? AND r.resolved_at IS NULL ORDER BY r.found_at DESC, r.id DESC`,
    )
    .all(scope.companyId) as (Omit<ItemRenameView, 'mapping'> & { type: 'ingredient' | 'recipe' | null; target: string | null; quantity: number | null; unit: string | null; isSubtraction: number | null })[];
  return rows.map(({ type, target, quantity, unit, isSubtraction, ...row }) => ({
    ...row,
    mapping: type === null ? null : targetView({ type, name: target as string, quantity: quantity as number, unit, isSubtraction: isSubtraction as number }),
  }));
}

/** The manager keeps the mapping under the new name. */
export async function confirmRename(scope: CompanyScope, renameId: number, at: string): Promise<void> {
  const done = await scope.db
    .statement(`UPDATE item_renames SET resolved_at = ?, resolution = 'confirmed' WHERE id = ? AND company_id = ? AND resolved_at IS NULL`)
    .run(at, renameId, scope.companyId);
  if (done.changes === 0) throw new DomainError('rename_not_found', `No open rename review with id ${renameId}.`);
}

/** A mapping saved for the group answers its open renames. */
export async function resolveRenames(scope: CompanyScope, groupKey: string, at: string): Promise<void> {
  await scope.db
    .statement(
      `UPDATE item_renames SET resolved_at = ?, resolution = 'remapped'
       WHERE company_id = ? AND resolved_at IS NULL AND pos_item_id IN (SELECT id FROM pos_items WHERE company_id = ? AND group_key = ?)`,
    )
    .run(at, scope.companyId, scope.companyId, groupKey);
}
