import { Alert, Button, Text } from '@mantine/core';
import { catalogEntry } from '../../../shared/errors';
import type { Alert as OpenAlert } from '../../../shared/model/connection';
import { formatDay, formatInstant, localizeDates } from './format';
import { useNavigation } from './navigation-store';

/**
 * An open alert, wherever it shows (Home, the connection): what happened, how often, what to do, and
 * a way to the day it is about (that day's logs) or to its location (a failed migration's grid).
 */
export function AlertNotice({ alert }: { alert: OpenAlert }) {
  const go = useNavigation((state) => state.go);
  const entry = catalogEntry(alert.code);
  const { businessLocationId, date } = alert;
  return (
    <Alert color="red" title={entry?.meaning ?? alert.code} role="alert" data-alert-code={alert.code}>
      <Text size="sm">
        {localizeDates(alert.message)}
        {alert.count > 1 ? ` (seen ${alert.count} times, last ${formatInstant(alert.lastSeenAt)})` : ''}
      </Text>
      {entry ? (
        <Text size="sm" fw={500} mt={4}>
          What to do: {entry.fix}
        </Text>
      ) : null}
      {businessLocationId && date ? (
        <Button size="compact-sm" variant="light" color="red" mt="xs" onClick={() => go('logs', null, { location: businessLocationId, from: date, to: date })}>
          Open {formatDay(date)}
        </Button>
      ) : businessLocationId ? (
        <Button size="compact-sm" variant="light" color="red" mt="xs" onClick={() => go('locations', businessLocationId)}>
          Open the location
        </Button>
      ) : null}
    </Alert>
  );
}
