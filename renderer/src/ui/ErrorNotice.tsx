import { Alert, Text } from '@mantine/core';
import { catalogEntry, errorCatalog } from '../../../shared/errors';
import type { IpcError } from '../../../shared/ipc/contract';
import { localizeDates } from './format';

/** A refusal in plain words: what happened (the message), what it means, and what to do. */
export function ErrorNotice({ error, onClose }: { error: IpcError | null; onClose?: () => void }) {
  if (!error) return null;
  const entry = catalogEntry(error.code) ?? errorCatalog.internal_error;
  return (
    <Alert color="red" title={entry.meaning} withCloseButton={Boolean(onClose)} closeButtonLabel="Dismiss" onClose={onClose} role="alert" data-error-code={error.code}>
      <Text size="sm">{localizeDates(error.message)}</Text>
      {error.details && error.details.length > 1 ? (
        <Text size="sm" component="ul" mt={4}>
          {error.details.slice(0, 8).map((detail) => (
            <li key={detail}>{localizeDates(detail)}</li>
          ))}
        </Text>
      ) : null}
      <Text size="sm" mt={6} fw={500}>
        What to do: {entry.fix}
      </Text>
    </Alert>
  );
}
