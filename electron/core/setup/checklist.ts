// The seed's recommended setup order, ticked from what is really in the database: the home screen
// shows it, so a manager always sees which step comes next.
import { itemMappedSql } from '../items/mappings';
import { setupSteps, type SetupChecklist, type SetupStep } from '../../../shared/model/setup';
import { plural } from '../../../shared/words';
import type { CompanyScope } from '../db/company';
import { activatedCoverage } from '../items/mapping-coverage';
import type { Clock } from '../clock';
import { sourceRooms } from '../sources/source-rooms';
import { inOrder } from '../in-order';

/** "Map the important items" is done when this share of each activated location's recent sales value is mapped. */
export const IMPORTANT_SHARE_PERCENT = 80;

/** One query: every count the checklist needs, each a scalar subquery on an indexed company column. */
const COUNTS = `
  SELECT
    (SELECT count(*) FROM storage_units WHERE company_id = @c) AS storageUnits,
    (SELECT count(*) FROM ingredients WHERE company_id = @c) AS ingredients,
    (SELECT count(*) FROM recipes WHERE company_id = @c) AS recipes,
    (SELECT count(*) FROM locations l JOIN sales_sources s ON s.id = l.source_id WHERE l.company_id = @c AND s.kind <> 'csv') AS locations,
    (SELECT count(*) FROM locations l JOIN sales_sources s ON s.id = l.source_id WHERE l.company_id = @c AND s.kind <> 'csv' AND l.storage_unit_id IS NOT NULL) AS linked,
    (SELECT count(*) FROM sales_sources WHERE company_id = @c AND kind <> 'csv') AS polledSources,
    (SELECT count(*) FROM sales_sources WHERE company_id = @c AND kind = 'csv') AS csvProfiles,
    (SELECT count(*) FROM csv_uploads WHERE company_id = @c AND status = 'posted') AS csvUploads,
    (SELECT count(*) FROM pos_items WHERE company_id = @c) AS items,
    (SELECT count(DISTINCT group_key) FROM pos_items WHERE company_id = @c) AS dishes,
    (SELECT count(DISTINCT i.group_key) FROM pos_items i WHERE i.company_id = @c AND ${itemMappedSql('i')}) AS mapped,
    (SELECT count(*) FROM locations WHERE company_id = @c AND activated_at IS NOT NULL) AS activated,
    (SELECT count(*) FROM migration_jobs WHERE company_id = @c AND status = 'completed') AS migrated,
    (SELECT count(*) FROM transfer_logs WHERE company_id = @c AND trigger = 'manual' AND status = 'success') AS manualTransfers,
    (SELECT EXISTS (SELECT 1 FROM ledger_entries WHERE company_id = @c AND type = 'ISSUE')) AS issues,
    (SELECT count(*) FROM locations WHERE company_id = @c AND activated_at IS NOT NULL AND auto_issue = TRUE) AS autoIssue`;

type Counts = Record<
  | 'storageUnits'
  | 'ingredients'
  | 'recipes'
  | 'locations'
  | 'linked'
  | 'polledSources'
  | 'csvProfiles'
  | 'csvUploads'
  | 'items'
  | 'dishes'
  | 'mapped'
  | 'activated'
  | 'migrated'
  | 'manualTransfers'
  | 'issues'
  | 'autoIssue',
  number
>;

const POS_STEPS: readonly SetupStep[] = ['connect', 'sync_locations', 'link_storage_units', 'sync_items', 'activate', 'check_migration', 'test_one_day', 'auto_issue'];
const CSV_STEPS: readonly SetupStep[] = ['csv_profile', 'csv_upload'];

/**
 * Before any activated location has sales to weigh, one mapping ticks the step; after, each activated
 * location must have 80 % of its last 30 days' sales value mapped, and the detail says the figures.
 */
async function importantItemsMapped(scope: CompanyScope, clock: Clock, n: Counts): Promise<[boolean, string]> {
  // Counted as the Items screen counts: a dish sold by three businesses is one item to map.
  const counted = `${n.mapped} of ${n.dishes} items mapped`;
  const weighed = (await activatedCoverage(scope, clock)).filter((location) => location.percentValue !== null);
  if (weighed.length === 0) return [n.mapped > 0, counted];
  const shares = weighed.map((location) => `${location.name} ${location.percentValue} %`).join(', ');
  return [
    weighed.every((location) => (location.percentValue as number) >= IMPORTANT_SHARE_PERCENT),
    `${counted}; sales value mapped over the last 30 days: ${shares} (aim for ${IMPORTANT_SHARE_PERCENT} % each)`,
  ];
}

export async function setupChecklist(scope: CompanyScope, clock: Clock): Promise<SetupChecklist> {
  const n = await scope.db.statement(COUNTS).get({ c: scope.companyId }) as Counts;
  const connections = (await inOrder(sourceRooms, (room) => room.connectedAs(scope))).filter((words) => words !== null);
  const facts: Record<SetupStep, [boolean, string]> = {
    storage_units: [n.storageUnits > 0, plural(n.storageUnits, 'storage unit')],
    ingredients: [n.ingredients > 0, plural(n.ingredients, 'ingredient')],
    recipes: [n.recipes > 0, plural(n.recipes, 'recipe')],
    connect: [connections.length > 0, connections.join('; ') || 'Not connected'],
    sync_locations: [n.locations > 0, plural(n.locations, 'location')],
    link_storage_units: [n.linked > 0, `${n.linked} of ${n.locations} locations linked`],
    sync_items: [n.items > 0, plural(n.items, 'POS item')],
    map_items: await importantItemsMapped(scope, clock, n),
    activate: [n.activated > 0, plural(n.activated, 'location') + ' activated'],
    check_migration: [n.migrated > 0, plural(n.migrated, 'migration') + ' completed'],
    test_one_day: [n.manualTransfers > 0, plural(n.manualTransfers, 'manual transfer')],
    csv_profile: [n.csvProfiles > 0, plural(n.csvProfiles, 'CSV profile')],
    csv_upload: [n.csvUploads > 0, plural(n.csvUploads, 'upload') + ' posted'],
    check_ledger: [n.issues > 0, n.issues > 0 ? 'POS sales are in the ledger' : 'No POS sales in the ledger yet'],
    auto_issue: [n.autoIssue > 0, plural(n.autoIssue, 'location') + ' with automatic issue'],
  };
  // A fresh install shows the POS steps (most venues connect a till: Lightspeed or Sides); CSV profiles
  // add theirs, and a company that only uploads files never sees the POS's.
  const csv = n.csvProfiles > 0;
  const pos = !csv || n.polledSources > 0 || connections.length > 0;
  const shown = setupSteps.filter((step) => (POS_STEPS.includes(step) ? pos : CSV_STEPS.includes(step) ? csv : true));
  const steps = shown.map((step) => ({ step, done: facts[step][0], detail: facts[step][1] }));
  return { steps, next: steps.find((step) => !step.done)?.step ?? null };
}
