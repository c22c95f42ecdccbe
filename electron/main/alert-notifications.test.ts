import { afterEach, describe, expect, it } from 'vitest';
import { createTestEngine, type TestEngine } from '../../test/support/test-engine';
import { listOpenAlerts, raiseAlert, resolveOpenAlerts } from '../core/alerts/alerts';
import { AlertNotifications, type AlertNotice } from './alert-notifications';

let engine: TestEngine | undefined;
afterEach(() => engine?.dispose());

describe('alert notifications', () => {
  it('announce each open alert once, however often it repeats, and point at the screen that fixes it', async () => {
    engine = await createTestEngine();
    const shown: AlertNotice[] = [];
    const notifications = new AlertNotifications((notice) => shown.push(notice));
    const { scope } = engine;
    await raiseAlert(scope, 'max_retries_exhausted', 'Location 1, 2026-05-06: Lightspeed kept failing', '2026-05-07T06:00:00Z');
    notifications.announce(await listOpenAlerts(scope));
    await raiseAlert(scope, 'max_retries_exhausted', 'again', '2026-05-08T06:00:00Z');
    notifications.announce(await listOpenAlerts(scope));
    await raiseAlert(scope, 'disconnected', 'The refresh token was refused.', '2026-05-08T06:00:00Z');
    notifications.announce(await listOpenAlerts(scope));
    expect(shown.map((notice) => [notice.title, notice.screen])).toEqual([
      ['A transfer failed after every retry', 'logs'],
      ['Lightspeed is disconnected', 'connection'],
    ]);
    // Resolved and raised again later: a new alert, a new notification.
    await resolveOpenAlerts(scope, '2026-05-09T06:00:00Z', ['max_retries_exhausted']);
    await raiseAlert(scope, 'max_retries_exhausted', 'once more', '2026-05-10T06:00:00Z');
    notifications.announce(await listOpenAlerts(scope));
    expect(shown).toHaveLength(3);
  });
});
