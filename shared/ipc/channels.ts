// The allowlist: the only channels the preload lets the renderer call. Every contract names one of
// these, and a test proves the two sets are equal.
export const ipcChannels = [
  'app:info',
  'setup:import',
  'storage-units:list',
  'storage-units:save',
  'storage-units:delete',
  'ingredients:list',
  'ingredients:save',
  'ingredients:delete',
  'recipes:list',
  'recipes:get',
  'recipes:save',
  'recipes:delete',
  'recipes:preview',
  'receipts:list',
  'receipts:create',
  'receipts:delete',
  'stock:list',
  'ledger:list',
  'connection:status',
  'connection:configuration',
  'connection:configure',
  'connection:start',
  'connection:paste',
  'connection:test',
  'connection:disconnect',
  'locations:list',
  'locations:sync',
  'locations:link',
  'locations:auto-issue',
  'items:list',
  'items:sync',
  'mappings:save',
  'mappings:delete',
  'transfers:run',
  'migrations:action',
  'logs:list',
  'logs:get',
  'locations:overview',
] as const;

export type IpcChannel = (typeof ipcChannels)[number];

/** The one channel main uses to push events to the renderer. */
export const EVENT_CHANNEL = 'larder:event';
