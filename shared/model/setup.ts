/** The seed's recommended setup order; the home screen ticks each step from real data. */
export const setupSteps = [
  'storage_units',
  'ingredients',
  'recipes',
  'connect',
  'sync_locations',
  'link_storage_units',
  'sync_items',
  'map_items',
  'activate',
  'check_migration',
  'test_one_day',
  'check_ledger',
  'auto_issue',
] as const;
export type SetupStep = (typeof setupSteps)[number];
