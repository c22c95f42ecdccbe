// The allowlist: the only channels the preload lets the renderer call, derived from the contracts
// (each channel is written once, in its contract).
export { ipcChannels, type IpcChannel } from './contracts';

/** The one channel main uses to push events to the renderer. */
export const EVENT_CHANNEL = 'larder:event';
