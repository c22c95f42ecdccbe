import { describe, expect, it } from 'vitest';
import type { DesktopStatus } from '../core/scheduler/desktop-status';
import { trayState } from './tray-state';

const healthy: DesktopStatus = {
  connection: 'active',
  openAlerts: 0,
  locations: [
    { businessLocationId: '1', name: 'Harbour Restaurant', lastDayTransferred: '2026-05-07', recentFailures: 0, autoIssue: true },
    { businessLocationId: '2', name: 'Harbour Terrace', lastDayTransferred: null, recentFailures: 0, autoIssue: true },
  ],
};

const labels = (state: ReturnType<typeof trayState>) => state.menu.map((item) => (item.type === 'separator' ? '—' : item.label));

describe('the tray', () => {
  it('is ok with a status line per location and the actions', () => {
    const state = trayState(healthy, { at: '2026-05-08T06:00:12Z', ok: true, summary: '2 days posted' }, false);
    expect(state.icon).toBe('ok');
    expect(state.tooltip).toBe('Larder — Last run 2026-05-08 06:00: 2 days posted');
    expect(labels(state)).toEqual([
      'Harbour Restaurant: up to 2026-05-07',
      'Harbour Terrace: nothing transferred yet',
      '—',
      'Run due transfers now',
      'Pause all automatic issues',
      '—',
      'Open Larder',
      'Quit',
    ]);
  });

  it('warns about paused locations and open alerts, and offers Resume when all are paused', () => {
    const paused = { ...healthy, locations: healthy.locations.map((location) => ({ ...location, autoIssue: false })) };
    const state = trayState(paused, null, false);
    expect(state.icon).toBe('warning');
    expect(labels(state)).toContain('Resume all automatic issues');
    expect(labels(state)[0]).toBe('Harbour Restaurant: up to 2026-05-07 (paused)');
    expect(trayState({ ...healthy, openAlerts: 1, connection: 'refresh_failed' }, null, false).icon).toBe('warning');
  });

  it('shows an error for failures and a lost connection, and no second run while one runs', () => {
    const failed = { ...healthy, locations: [{ ...healthy.locations[0]!, recentFailures: 2 }] };
    expect(labels(trayState(failed, null, false))[0]).toBe('Harbour Restaurant: up to 2026-05-07, 2 failed day(s)');
    expect(trayState(failed, null, false).icon).toBe('error');
    const lost = trayState({ ...healthy, connection: 'disconnected' }, null, false);
    expect([lost.icon, lost.tooltip]).toEqual(['error', 'Larder — Lightspeed is disconnected: reauthorize. No run yet.']);
    expect(trayState(healthy, { at: 'x', ok: false, summary: 'failed' }, false).icon).toBe('error');
    const running = trayState(healthy, null, true);
    expect(running.menu.find((item) => item.type === 'action' && item.action === 'run-due')).toMatchObject({ enabled: false, label: 'Transferring…' });
  });
});
