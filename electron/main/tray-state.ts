// The tray's icon, tooltip and menu as plain data, built from the engine's state; tray.ts hands it
// to Electron. Kept free of Electron so it is tested under plain Node.
import type { DesktopStatus } from '../core/scheduler/desktop-status';

export type TrayIcon = 'ok' | 'warning' | 'error';
export type TrayAction = 'run-due' | 'pause-all' | 'resume-all' | 'open' | 'quit';

export type TrayMenuItem = { type: 'separator' } | { type: 'status'; label: string } | { type: 'action'; label: string; action: TrayAction; enabled: boolean };

export interface LastRun {
  at: string;
  ok: boolean;
  summary: string;
}

export interface TrayState {
  icon: TrayIcon;
  tooltip: string;
  menu: TrayMenuItem[];
}

export function trayState(status: DesktopStatus, lastRun: LastRun | null, running: boolean): TrayState {
  const failing = status.locations.some((location) => location.recentFailures > 0);
  const icon: TrayIcon =
    status.connection === 'disconnected' || failing || lastRun?.ok === false
      ? 'error'
      : status.connection !== 'active' || status.openAlerts > 0 || status.locations.some((location) => !location.autoIssue)
        ? 'warning'
        : 'ok';
  const connection =
    status.connection === 'active' ? '' : status.connection === 'not_connected' ? 'Lightspeed is not connected. ' : status.connection === 'disconnected' ? 'Lightspeed is disconnected: reauthorize. ' : 'Lightspeed token refresh failed. ';
  const tooltip = `Larder — ${connection}${running ? 'Transferring now…' : lastRun ? `Last run ${lastRun.at.slice(0, 16).replace('T', ' ')}: ${lastRun.summary}` : 'No run yet.'}`;
  const allPaused = status.locations.length > 0 && status.locations.every((location) => !location.autoIssue);
  const menu: TrayMenuItem[] = [
    ...(status.locations.length === 0
      ? [{ type: 'status' as const, label: 'No activated locations yet' }]
      : status.locations.map((location) => ({
          type: 'status' as const,
          label: `${location.name}: ${location.lastDayTransferred ? `up to ${location.lastDayTransferred}` : 'nothing transferred yet'}${location.recentFailures > 0 ? `, ${location.recentFailures} failed day(s)` : ''}${location.autoIssue ? '' : ' (paused)'}`,
        }))),
    { type: 'separator' },
    { type: 'action', label: running ? 'Transferring…' : 'Run due transfers now', action: 'run-due', enabled: !running && status.connection !== 'not_connected' },
    allPaused
      ? { type: 'action', label: 'Resume all automatic issues', action: 'resume-all', enabled: true }
      : { type: 'action', label: 'Pause all automatic issues', action: 'pause-all', enabled: status.locations.length > 0 },
    { type: 'separator' },
    { type: 'action', label: 'Open Larder', action: 'open', enabled: true },
    { type: 'action', label: 'Quit', action: 'quit', enabled: true },
  ];
  return { icon, tooltip, menu };
}
