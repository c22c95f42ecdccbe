/** After a restore or a restart: the desktop app restarts itself; the browser reloads once the engine had time to start. */
const RELOAD_AFTER_MS = 2500;

export function reloadSoon(): void {
  setTimeout(() => window.location.reload(), RELOAD_AFTER_MS);
}
