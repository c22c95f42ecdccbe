import { Alert, Button, Code, Group, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { ContractOutput } from '../../../shared/ipc/contract';
import type { Contracts } from '../../../shared/ipc/contracts';
import { call } from '../ipc/client';
import { ActionForm } from '../ui/ActionForm';
import { ErrorNotice } from '../ui/ErrorNotice';
import { formatInstant } from '../ui/format';
import { useAction } from '../ui/use-action';
import { anyOf, useLive } from '../ui/use-live';
import { BackupTable } from './BackupTable';
import { kindWords, sizeWords } from './backup-words';
import { RestoreDialog } from './RestoreDialog';
import { BackupNotice } from './BackupNotice';

type Overview = ContractOutput<Contracts['backups:overview']>;

/** Where backups go and how many are kept: a synced or network folder keeps them off this PC. */
function BackupPlace({ overview }: { overview: Overview }) {
  const [folder, setFolder] = useState(overview.chosen_folder ?? '');
  const [keep, setKeep] = useState(overview.keep);
  const save = useAction((change: { folder?: string | null; keep?: Overview['keep'] }) => call('backups:settings', change));
  const keepField = (key: keyof Overview['keep'], label: string, max: number) => (
    <NumberInput label={label} min={key === 'weekly' || key === 'monthly' ? 0 : 1} max={max} allowDecimal={false} w={130} value={keep[key]} onChange={(value) => setKeep({ ...keep, [key]: Number(value) || 0 })} />
  );
  return (
    <Stack gap="sm">
      <ActionForm onSubmit={() => save.run({ folder: folder.trim() === '' ? null : folder.trim() })}>
        <Group align="end">
          <TextInput
            label="Backup folder"
            description={`Empty: ${overview.default_folder} (on this PC). A synced cloud folder or a network share keeps backups safe when this PC is lost.`}
            placeholder={overview.default_folder}
            value={folder}
            onChange={(event) => setFolder(event.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button type="submit" variant="default" loading={save.busy} disabled={folder.trim() === (overview.chosen_folder ?? '')}>
            Save folder
          </Button>
        </Group>
      </ActionForm>
      <ActionForm onSubmit={() => save.run({ keep })}>
        <Group align="end">
          {keepField('daily', 'Daily kept', 90)}
          {keepField('weekly', 'Weekly kept', 52)}
          {keepField('monthly', 'Monthly kept', 120)}
          {keepField('beforeChange', 'Before a change', 50)}
          <Button type="submit" variant="default" loading={save.busy} disabled={JSON.stringify(keep) === JSON.stringify(overview.keep)}>
            Save generations
          </Button>
        </Group>
      </ActionForm>
      <ErrorNotice error={save.error} onClose={save.clearError} />
    </Stack>
  );
}

/** Settings → Backups: the last verified backup, back up now, export, where and how many, and restore. */
export function BackupsPanel() {
  const overview = useLive(() => call('backups:overview', {}), anyOf('backups:changed', 'data:restored'), []);
  const [restoring, setRestoring] = useState<string | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  const now = useAction(() => call('backups:now', {}));
  const exportAll = useAction(async () => setExported((await call('data:export', {})).file));
  const data = overview.data;
  return (
    <Paper withBorder p="md" component="section" aria-label="Backups">
      <Title order={3} size="h4" mb="sm">
        Backups
      </Title>
      <Stack>
        <ErrorNotice error={overview.error} />
        {data ? (
          <>
            {data.stale ? (
              <BackupNotice status={data} />
            ) : data.last_verified ? (
              <Text>
                Last verified backup: <strong>{formatInstant(data.last_verified.created_at)}</strong> ({kindWords[data.last_verified.kind].toLowerCase()},{' '}
                {sizeWords(data.last_verified.bytes)}). Larder backs up every day and before every large change, and checks each copy before it counts.
              </Text>
            ) : null}
            <Group>
              <Button loading={now.busy} onClick={() => void now.run()}>
                Back up now
              </Button>
              <Button variant="default" loading={exportAll.busy} onClick={() => void exportAll.run()}>
                Export everything (zip of CSV files)
              </Button>
            </Group>
            <ErrorNotice error={now.error ?? exportAll.error} onClose={now.error ? now.clearError : exportAll.clearError} />
            {exported ? (
              <Alert color="blue" title="Everything was exported" data-export-path={exported}>
                One CSV file per table (quantities and money as decimals) and a manifest, in <Code>{exported}</Code>. Any spreadsheet opens them.
              </Alert>
            ) : null}
            <BackupPlace key={`${data.chosen_folder}|${JSON.stringify(data.keep)}`} overview={data} />
            <BackupTable backups={data.backups} onRestore={setRestoring} label="Backups in the backup folder" />
          </>
        ) : null}
        <RestoreDialog key={restoring ?? 'none'} file={restoring} channel="backups:restore" onClose={() => setRestoring(null)} onRestored={() => window.location.reload()} />
      </Stack>
    </Paper>
  );
}
