// One desktop notification per open alert: the alert table keeps a single open row per code, and a
// row is announced once, so repeated failures do not pile up notifications.
import type { Alert } from '../core/alerts/alerts';

export interface AlertNotice {
  title: string;
  body: string;
  /** The screen a click opens. */
  screen: 'connection' | 'logs';
}

export function noticeFor(alert: Alert): AlertNotice {
  switch (alert.code) {
    case 'disconnected':
      return { title: 'Lightspeed is disconnected', body: `${alert.message} Open Larder to reauthorize.`, screen: 'connection' };
    case 'token_refresh_failed':
      return { title: 'Lightspeed could not be reached', body: alert.message, screen: 'connection' };
    case 'max_retries_exhausted':
      return { title: 'A transfer failed after every retry', body: alert.message, screen: 'logs' };
    case 'transfer_failed':
      return { title: 'A transfer failed', body: alert.message, screen: 'logs' };
    case 'migration_failed':
      return { title: 'A migration did not finish', body: alert.message, screen: 'logs' };
  }
}

export class AlertNotifications {
  private readonly announced = new Set<number>();

  constructor(private readonly show: (notice: AlertNotice) => void) {}

  /** Announces the open alerts not announced yet. */
  announce(openAlerts: Alert[]): void {
    for (const alert of openAlerts) {
      if (this.announced.has(alert.id)) continue;
      this.announced.add(alert.id);
      this.show(noticeFor(alert));
    }
  }
}
