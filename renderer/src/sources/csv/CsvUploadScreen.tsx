import { Alert, Anchor, Badge, Button, Checkbox, FileInput, Group, Modal, Paper, Radio, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { CsvPreview, CsvProfile, CsvProposal, CsvUploadMode, CsvUploadView } from '../../../../shared/model/csv';
import type { IpcError } from '../../../../shared/ipc/contract';
import { normalizeDate } from '../../../../shared/dates';
import { asIpcError, call } from '../../ipc/client';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatAtUnit, formatDay, formatInstant, formatQuantity } from '../../ui/format';
import { useNavigation } from '../../ui/navigation-store';
import { useAction } from '../../ui/use-action';
import { anyOf, useLive } from '../../ui/use-live';
import { BackToSources } from '../BackToSources';
import { CsvRowsTable, InvalidRowsTable } from './csv-tables';
import { CURRENCIES } from './currencies';
import { readForUpload } from './read-file';

type ChosenFile = { name: string; base64: string };
/** What a preview reads: the profile, the file, the modifier file beside it, the business date of a file without dates. */
type Choice = { profile: string | null; file: ChosenFile | null; modifiers: ChosenFile | null; date: string };

const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString()} ${count === 1 ? one : many}`;

/** What the file would post, in the order a manager checks it: does it read, which days, what is not mapped, what leaves stock. */
function PreviewPanel({ preview }: { preview: CsvPreview }) {
  const go = useNavigation((state) => state.go);
  const toPost = preview.rows_valid - preview.rows_duplicate;
  const unmappedCodes = preview.codes.filter((code) => !code.mapped);
  return (
    <Stack gap="md" aria-label="Preview">
      <Text>
        <strong>{preview.file_name}</strong>: {plural(preview.rows, 'row')}; {plural(toPost, 'row')} to post
        {preview.rows_invalid > 0 ? `, ${plural(preview.rows_invalid, 'invalid row')}` : ''}
        {preview.rows_duplicate > 0 ? `, ${plural(preview.rows_duplicate, 'row')} posted before (skipped)` : ''}
        {preview.rows_skipped > 0 ? `, ${plural(preview.rows_skipped, 'row')} left out (voided, or a quantity of 0 or less)` : ''}.
      </Text>
      {preview.already_uploaded !== null ? (
        <Alert color="orange" title="This file was posted before">
          Upload {preview.already_uploaded} holds exactly this file. Revert it below first if it must be posted again.
        </Alert>
      ) : null}
      {preview.invalid_rows.length > 0 ? (
        <Alert color="red" title={`${plural(preview.rows_invalid, 'row')} cannot be read`}>
          <Text size="sm" mb="xs">
            Correct them in the file or the profile, or post with “Skip invalid rows”: the log then lists them.
            {preview.rows_invalid > preview.invalid_rows.length ? ` The first ${preview.invalid_rows.length.toLocaleString()} are listed.` : ''}
          </Text>
          <InvalidRowsTable rows={preview.invalid_rows} />
        </Alert>
      ) : null}
      <Paper withBorder p="sm">
        <Title order={3} size="h5" mb="xs">
          Days to post
        </Title>
        <Table aria-label="Days to post" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Location</Table.Th>
              <Table.Th>Storage unit</Table.Th>
              <Table.Th>Business date</Table.Th>
              <Table.Th ta="right">Rows</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.days.map((day) => (
              <Table.Tr key={`${day.location}-${day.date}`}>
                <Table.Td>{day.location}</Table.Td>
                <Table.Td>{day.storage_unit}</Table.Td>
                <Table.Td>{formatDay(day.date)}</Table.Td>
                <Table.Td ta="right">{day.rows.toLocaleString()}</Table.Td>
                <Table.Td>{day.already_posted ? <Badge color="orange">Posted before</Badge> : null}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="sm">
          <Group justify="space-between" mb="xs">
            <Title order={3} size="h5">
              Codes
            </Title>
            {unmappedCodes.length > 0 ? (
              <Anchor component="button" type="button" size="sm" onClick={() => go('items', null, { source: preview.profile, unmapped: '1' })}>
                Map the {plural(unmappedCodes.length, 'unmapped code')}
              </Anchor>
            ) : null}
          </Group>
          {preview.rows_unmapped > 0 ? (
            <Text size="sm" c="orange" mb="xs">
              {plural(preview.rows_unmapped, 'row')} would deduct nothing: none of their codes is mapped.
            </Text>
          ) : null}
          <Table aria-label="Codes" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Code</Table.Th>
                <Table.Th>Name</Table.Th>
                <Table.Th ta="right">Sold</Table.Th>
                <Table.Th>Deducts</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.codes.map((code) => (
                <Table.Tr key={`${code.parent}-${code.code}`} data-mapped={code.mapped}>
                  <Table.Td>
                    {code.code}{' '}
                    {code.parent ? (
                      <Badge size="xs" variant="light" color="gray">
                        modifier
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{code.name}</Table.Td>
                  <Table.Td ta="right">{formatQuantity(code.quantity)}</Table.Td>
                  <Table.Td>{code.mapping ?? <Badge color="orange">Not mapped</Badge>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        <Paper withBorder p="sm">
          <Title order={3} size="h5" mb="xs">
            What leaves stock
          </Title>
          {preview.deductions.length === 0 ? (
            <Text size="sm">Nothing: no row has a mapped code yet.</Text>
          ) : (
            <Table aria-label="Deductions" fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Ingredient</Table.Th>
                  <Table.Th>Storage unit</Table.Th>
                  <Table.Th ta="right">Quantity</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.deductions.map((deduction) => (
                  <Table.Tr key={`${deduction.storage_unit}-${deduction.ingredient}`}>
                    <Table.Td>{deduction.ingredient}</Table.Td>
                    <Table.Td>{deduction.storage_unit}</Table.Td>
                    <Table.Td ta="right">
                      {formatAtUnit(deduction.quantity, deduction.unit)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="sm">
        <CsvRowsTable rows={preview.first_rows} label="First rows as read" />
      </Paper>
    </Stack>
  );
}

/** The outcome in a word for its badge, and what needs a look in a line under it (a badge cuts a long text short). */
function uploadOutcome(upload: CsvUploadView): { color: string; title: string; detail: string | null } {
  if (upload.status === 'reverted') return { color: 'gray', title: 'Reverted', detail: formatInstant(upload.reverted_at) };
  if (upload.rows_unmapped > 0 || upload.rows_invalid > 0 || upload.days_replaced > 0) {
    const parts = [
      upload.rows_unmapped > 0 ? `${plural(upload.rows_unmapped, 'row')} unmapped` : '',
      upload.rows_invalid > 0 ? `${plural(upload.rows_invalid, 'invalid row')} skipped` : '',
      upload.days_replaced > 0 ? `${plural(upload.days_replaced, 'day')} replaced by a later upload` : '',
    ].filter(Boolean);
    return { color: 'orange', title: 'Posted', detail: parts.join(', ') };
  }
  return { color: 'green', title: 'Posted', detail: null };
}

/** A file's days, each location's own ("3 days of sales at 2 locations"): what is posted, and replaced, together. */
function daysInWords(days: readonly { location: string }[]): string {
  const places = new Set(days.map((day) => day.location)).size;
  return `${plural(days.length, 'day')} of sales${places > 1 ? ` at ${places} locations` : ''}`;
}

/** The uploads, newest first, each with what it posted and a way to take it back. */
function UploadsList({ onReverted }: { onReverted: (id: number) => void }) {
  const go = useNavigation((state) => state.go);
  const uploads = useLive(() => call('csv:uploads', {}), anyOf('sources:changed'), []);
  const [confirming, setConfirming] = useState<CsvUploadView | null>(null);
  const revert = useAction(async (id: number) => {
    await call('csv:revert', { id });
    setConfirming(null);
    onReverted(id);
  });
  if (!uploads.data || uploads.data.length === 0) return null;
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="xs">
        Uploads
      </Title>
      <ErrorNotice error={uploads.error ?? revert.error} onClose={revert.clearError} />
      <Table aria-label="Uploads" fz="sm" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Uploaded</Table.Th>
            <Table.Th>Profile</Table.Th>
            <Table.Th>File</Table.Th>
            <Table.Th>Days</Table.Th>
            <Table.Th ta="right">Rows posted</Table.Th>
            <Table.Th>Outcome</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {uploads.data.map((upload) => {
            const outcome = uploadOutcome(upload);
            return (
              <Table.Tr key={upload.id} data-upload={upload.id} data-status={upload.status}>
                <Table.Td>{formatInstant(upload.uploaded_at)}</Table.Td>
                <Table.Td>{upload.profile}</Table.Td>
                <Table.Td>{upload.file_name}</Table.Td>
                <Table.Td>
                  {upload.days.length === 1 ? `${upload.days[0]?.location} ${formatDay(upload.days[0]?.date ?? '')}` : daysInWords(upload.days)}{' '}
                  {upload.log_ids.length > 0 ? (
                    <Anchor component="button" type="button" size="sm" onClick={() => go('logs', String(upload.log_ids[0]))}>
                      log
                    </Anchor>
                  ) : null}
                </Table.Td>
                <Table.Td ta="right">
                  {upload.rows_posted.toLocaleString()} of {upload.rows.toLocaleString()}
                </Table.Td>
                <Table.Td>
                  <Badge color={outcome.color} variant="light">
                    {outcome.title}
                  </Badge>
                  {outcome.detail ? (
                    <Text size="xs">
                      {outcome.detail}
                    </Text>
                  ) : null}
                  {upload.mode ? (
                    <Text size="xs" c="dimmed">
                      {upload.mode === 'replace' ? 'Replaced days posted before' : 'Added to days posted before'}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {upload.status === 'posted' ? (
                    <Button size="xs" variant="default" color="red" onClick={() => setConfirming(upload)}>
                      Revert
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Modal opened={confirming !== null} onClose={() => setConfirming(null)} title="Revert this upload?">
        {confirming ? (
          <Stack>
            <Text size="sm">
              The ledger entries of {confirming.file_name} ({daysInWords(confirming.days)}) are removed. Its logs stay, marked reverted, and the file can be
              uploaded again.
            </Text>
            {confirming.mode === 'replace' ? (
              <Alert color="orange" p="xs">
                <Text size="sm">
                  This upload replaced days an earlier upload had posted. Reverting it does not bring those back: upload the earlier file again with Replace if they
                  should count.
                </Text>
              </Alert>
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(null)}>
                Keep it
              </Button>
              <Button color="red" loading={revert.busy} onClick={() => void revert.run(confirming.id)}>
                Revert upload
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Paper>
  );
}

/**
 * A dropped file whose header is a known till export: the preset proposed, and the one thing it cannot
 * know, where each location's sales go.
 */
function PresetPanel({ file, proposal, taken, onSaved }: { file: ChosenFile; proposal: CsvProposal & { preset: NonNullable<CsvProposal['preset']> }; taken: string[]; onSaved: (profile: CsvProfile) => void }) {
  const units = useLive(() => call('storage-units:list', {}), anyOf('inventory:changed'), []);
  const [name, setName] = useState(proposal.preset.system);
  const locations = proposal.locations ?? ['default'];
  const [unitOf, setUnitOf] = useState<Record<string, string | null>>({});
  const [currency, setCurrency] = useState<string | null>(proposal.currency);
  const nameTaken = taken.includes(name.trim());
  const missingUnits = locations.filter((location) => !unitOf[location]);
  const save = useAction(async () => {
    const storageUnits = Object.fromEntries(locations.map((location) => [location, unitOf[location] ?? '']));
    const saved = await call('csv:profile-from-preset', { preset: proposal.preset.id, file, name: name.trim(), storageUnits, ...(currency ? { currency } : {}) });
    onSaved(saved.profile);
  });
  return (
    <Paper withBorder p="md" role="region" aria-label="Proposed preset">
      <Stack gap="sm">
        <Title order={3} size="h4">
          This looks like a {proposal.preset.system} export: {proposal.preset.name}
        </Title>
        <Text size="sm">
          Larder knows its columns, money, dates, voids, refunds and modifiers. Name the profile and choose where the sales of each location in the file go.
        </Text>
        {proposal.missing_columns.length > 0 ? (
          <Text size="sm" c="dimmed">
            The file leaves out {proposal.missing_columns.join(', ')}; Larder does not need {proposal.missing_columns.length === 1 ? 'it' : 'them'}.
          </Text>
        ) : null}
        <Group align="start">
          <TextInput label="Profile name" w={360} value={name} onChange={(event) => setName(event.currentTarget.value)} error={nameTaken ? 'A profile of this name exists: choose it above, or give another name' : undefined} />
          <Select
            label="Currency of the amounts"
            description={proposal.currency === 'USD' ? 'The file writes $: check it is US dollars' : proposal.currency ? undefined : 'The file does not say: the company’s currency if left empty'}
            w={240}
            searchable
            clearable
            data={[...new Set([...(proposal.currency ? [proposal.currency] : []), ...CURRENCIES])]}
            value={currency}
            onChange={setCurrency}
          />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {locations.map((location) => (
            <Select
              key={location}
              label={location === 'default' ? 'Storage unit for the whole file' : `Storage unit for “${location}”`}
              placeholder="Choose a storage unit"
              data={(units.data ?? []).map((unit) => unit.name)}
              value={unitOf[location] ?? null}
              onChange={(value) => setUnitOf((previous) => ({ ...previous, [location]: value }))}
            />
          ))}
        </SimpleGrid>
        <ErrorNotice error={units.error ?? save.error} onClose={save.clearError} />
        <Group>
          <Button disabled={name.trim() === '' || nameTaken || missingUnits.length > 0} loading={save.busy} onClick={() => void save.run()}>
            Use the {proposal.preset.system} preset
          </Button>
          {missingUnits.length > 0 ? (
            <Text size="sm" c="dimmed">
              Choose a storage unit for {missingUnits.length === locations.length && locations.length > 1 ? 'each location' : missingUnits.map((location) => (location === 'default' ? 'the file' : location)).join(', ')}.
            </Text>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}

/** Upload a till's CSV export: choose the profile and the file, read the preview, post. */
export function CsvUploadScreen({ profile: initialProfile }: { profile: string | null }) {
  const go = useNavigation((state) => state.go);
  const sources = useLive(() => call('sources:list', {}), anyOf('sources:changed'), []);
  const profiles = (sources.data ?? []).filter((source) => source.kind === 'csv');
  const [profile, setProfile] = useState<string | null>(initialProfile);
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [modifiers, setModifiers] = useState<ChosenFile | null>(null);
  const [fileError, setFileError] = useState<IpcError | null>(null);
  const [date, setDate] = useState('');
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [mode, setMode] = useState<CsvUploadMode | null>(null);
  const [posted, setPosted] = useState<CsvUploadView | null>(null);
  const chosen = profiles.find((source) => source.name === profile)?.profile ?? null;
  const needsDate = chosen !== null && chosen.rules[0]?.date_source_column == null;

  const [shown, setShown] = useState<CsvPreview | null>(null);
  const preview = useAction(async (choice: Choice, saved?: CsvProfile) => {
    setShown(null);
    // A profile saved a moment ago is not in the list of sources yet.
    const dated = (saved ?? profiles.find((source) => source.name === choice.profile)?.profile)?.rules[0]?.date_source_column != null;
    if (!choice.profile || !choice.file || (!dated && normalizeDate(choice.date) === null)) return;
    setShown(await call('csv:preview', { profile: choice.profile, file: choice.file, ...(choice.modifiers ? { modifiers: choice.modifiers } : {}), ...(choice.date ? { date: choice.date } : {}) }));
  });
  /** Every change of profile, file or date reads the file again. */
  const choose = (changes: Partial<Choice>, saved?: CsvProfile) => {
    const next = { profile, file, modifiers, date, ...changes };
    setProfile(next.profile);
    setFile(next.file);
    setModifiers(next.modifiers);
    setDate(next.date);
    setMode(null);
    void preview.run(next, saved);
  };

  const [proposal, setProposal] = useState<CsvProposal | null>(null);
  const propose = useAction(async (read: ChosenFile) => setProposal(await call('csv:propose', { file: read })));

  const upload = useAction(async () => {
    if (!profile || !file) return;
    const answer = await call('csv:upload', { profile, file, ...(modifiers ? { modifiers } : {}), ...(date ? { date } : {}), ...(mode ? { mode } : {}), skipInvalid });
    setPosted(answer);
    setShown(null);
    setFile(null);
    setModifiers(null);
  });
  const pick = (picked: File | null) => {
    setFileError(null);
    setPosted(null);
    setSkipInvalid(false);
    setProposal(null);
    if (!picked) return choose({ file: null });
    readForUpload(picked).then(
      (read) => {
        choose({ file: read });
        void propose.run(read);
      },
      (caught: unknown) => setFileError(asIpcError(caught)),
    );
  };
  const daysPostedBefore = shown?.days.filter((day) => day.already_posted) ?? [];
  /** Why Post waits, in the manager's words; null when it may go. */
  const waitingFor =
    shown === null
      ? null
      : shown.already_uploaded !== null
        ? 'This exact file is posted already.'
        : shown.invalid_rows.length > 0 && !skipInvalid
          ? 'Some rows cannot be read: correct the file, or tick “Skip invalid rows”.'
          : daysPostedBefore.length > 0 && mode === null
            ? 'Choose Replace or Add for the days posted before.'
            : null;

  return (
    <Stack maw={1100}>
      <BackToSources />
      <Title order={2}>Upload sales</Title>
      <Text c="dimmed" size="sm">
        A CSV export of a till without an integration. Nothing is posted until you click Post: first the preview shows what would be.
      </Text>
      {sources.data && profiles.length === 0 ? (
        <Alert color="blue" title="No CSV profile yet">
          A profile tells Larder how to read your till’s export. Drop an export of Square, Toast, Loyverse, SumUp or Lightspeed’s Transactions report below: Larder
          recognises it and proposes its profile. For another till,{' '}
          <Anchor component="button" type="button" onClick={() => go('csv-profile')}>
            add a CSV profile
          </Anchor>
          .
        </Alert>
      ) : null}
      {posted ? (
        <Alert color={uploadOutcome(posted).color} title={uploadOutcome(posted).title} role="status" withCloseButton closeButtonLabel="Dismiss" onClose={() => setPosted(null)}>
          <Text size="sm">
            {posted.file_name}: {plural(posted.rows_posted, 'row')} posted over {daysInWords(posted.days)}
            {posted.rows_unmapped > 0 ? `; ${plural(posted.rows_unmapped, 'row')} deducted nothing (no code mapped)` : ''}
            {posted.rows_duplicate > 0 ? `; ${plural(posted.rows_duplicate, 'row')} were posted before and skipped` : ''}.
          </Text>
          <Group gap="md" mt={4}>
            <Anchor component="button" type="button" size="sm" onClick={() => go('ledger')}>
              Open the ledger
            </Anchor>
            <Anchor component="button" type="button" size="sm" onClick={() => go('logs')}>
              Open the transfer logs
            </Anchor>
          </Group>
        </Alert>
      ) : null}
      <Paper
        withBorder
        p="md"
        aria-label="File to upload"
        // A file dropped anywhere on the panel is taken as if chosen.
        onDragOver={(event) => event.preventDefault()}
        onDrop={(event) => {
          event.preventDefault();
          const dropped = event.dataTransfer.files[0];
          if (dropped) pick(dropped);
        }}
      >
        <Group align="end" grow>
          <Select
            label="CSV profile"
            placeholder="Choose the till’s profile"
            data={profiles.map((source) => source.name)}
            value={profile}
            onChange={(value) => choose({ profile: value, modifiers: null })}
          />
          <FileInput
            label="File"
            placeholder="Choose a CSV file, or drop one here"
            accept=".csv,.txt,text/csv"
            value={null}
            onChange={pick}
          />
          {chosen?.modifier_file ? (
            <FileInput
              label="Modifier file (optional)"
              description="The modifier export of the same period: each modifier then deducts its own ingredients"
              placeholder="Choose the modifier CSV"
              accept=".csv,.txt,text/csv"
              value={null}
              onChange={(picked) => {
                if (!picked) return choose({ modifiers: null });
                readForUpload(picked).then(
                  (read) => choose({ modifiers: read }),
                  (caught: unknown) => setFileError(asIpcError(caught)),
                );
              }}
            />
          ) : null}
          {needsDate ? (
            <TextInput label="Business date of the file" description="The profile has no date column" placeholder="2026-05-07 or 07.05.2026" value={date} onChange={(event) => choose({ date: event.currentTarget.value })} />
          ) : null}
        </Group>
        {file ? (
          <Text size="sm" mt="xs">
            Chosen: {file.name}
            {modifiers ? `, with its modifiers from ${modifiers.name}` : ''}
          </Text>
        ) : null}
      </Paper>
      {proposal?.read_beside ? (
        <Alert color="orange" title={`This is ${proposal.preset?.system ?? 'a till'}’s ${proposal.preset?.name.replace(/ \(.*\)$/, '') ?? 'modifier'} export`}>
          It holds only the modifiers and goes beside the item export of the same period. Choose the item export as the file (with its profile), then this one as its
          modifier file.
        </Alert>
      ) : null}
      {file && proposal?.preset && !proposal.read_beside && profile === null ? (
        <PresetPanel
          key={`${file.name}-${proposal.preset.id}`}
          file={file}
          proposal={{ ...proposal, preset: proposal.preset }}
          taken={profiles.map((source) => source.name)}
          onSaved={(saved) => {
            setProposal(null);
            choose({ profile: saved.name }, saved);
          }}
        />
      ) : null}
      <ErrorNotice error={fileError ?? preview.error ?? propose.error} onClose={preview.clearError} />
      {preview.busy ? <Text role="status">Reading the file…</Text> : null}
      {shown ? (
        <>
          <PreviewPanel preview={shown} />
          <Paper withBorder p="md" aria-label="Post">
            <Stack gap="sm">
              {shown.invalid_rows.length > 0 ? (
                <Checkbox label="Skip invalid rows (the log lists them)" checked={skipInvalid} onChange={(event) => setSkipInvalid(event.currentTarget.checked)} />
              ) : null}
              {daysPostedBefore.length > 0 ? (
                <Radio.Group
                  label={`An earlier upload posted ${daysPostedBefore.map((day) => `${day.location} ${formatDay(day.date)}`).join(', ')}`}
                  description="Replace removes the earlier upload’s entries of exactly those days; Add keeps them and adds this file’s."
                  value={mode}
                  onChange={(value) => setMode(value as CsvUploadMode)}
                >
                  <Group mt={4}>
                    <Radio value="replace" label="Replace those days" />
                    <Radio value="add" label="Add to those days" />
                  </Group>
                </Radio.Group>
              ) : null}
              <ErrorNotice error={upload.error} onClose={upload.clearError} />
              <Group>
                <Button disabled={waitingFor !== null} loading={upload.busy} onClick={() => void upload.run()}>
                  Post {daysInWords(shown.days)}
                </Button>
                {upload.busy ? <Text role="status">Posting…</Text> : null}
                {waitingFor ? (
                  <Text size="sm" c="dimmed">
                    {waitingFor}
                  </Text>
                ) : null}
              </Group>
            </Stack>
          </Paper>
        </>
      ) : null}
      <UploadsList
        onReverted={(id) => {
          // What was just posted and is now taken back no longer stands on the screen as posted.
          if (posted?.id === id) setPosted(null);
          if (file) void preview.run({ profile, file, modifiers, date });
        }}
      />
    </Stack>
  );
}
