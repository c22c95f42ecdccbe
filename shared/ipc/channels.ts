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
] as const;

export type IpcChannel = (typeof ipcChannels)[number];

/** The one channel main uses to push events to the renderer. */
export const EVENT_CHANNEL = 'larder:event';
