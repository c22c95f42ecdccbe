import { Alert, Autocomplete, Button, Checkbox, FileInput, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { TIME_OF_DAY } from '../../../../shared/dates';
import { CSV_DATE_FORMATS, isDateFormat, type CsvColumn, type CsvProfile } from '../../../../shared/model/csv';
import type { IpcError } from '../../../../shared/ipc/contract';
import { asIpcError, call } from '../../ipc/client';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useNavigation } from '../../ui/navigation-store';
import { useAction } from '../../ui/use-action';
import { anyOf, useLive } from '../../ui/use-live';
import { BackToSources } from '../BackToSources';
import { columnChoices, RawRows } from './CsvRawRows';
import { CsvRowsTable, InvalidRowsTable } from './csv-tables';
import { CURRENCIES } from './currencies';
import { readForUpload } from './read-file';

const COLUMNS = [
  ['source_column', 'POS code column', 'The column holding the code (or codes) of what was sold'],
  ['code_separator', 'Several codes in one cell, separated by', 'Optional, such as + ; each code counts the row’s full quantity'],
  ['quantity_source_column', 'Quantity column', 'Optional: without it, each row sold 1'],
  ['date_source_column', 'Date column', 'Optional: without it, you choose the business date at upload'],
  ['time_source_column', 'Time column', 'Optional: the time of a sale, when the file writes it apart from the date'],
  ['name_column', 'Item name column', 'Optional: the item’s name, and the match when a code is unknown'],
  ['variant_column', 'Variant column', 'Optional: the size or variation, added to the item: Lemonade (Regular)'],
  ['modifier_column', 'Modifiers column', 'Optional: the choices on an item (Oat Milk, 12oz), each mapped like an item'],
  ['modifier_separator', 'Modifiers separated by', 'Usually a comma'],
  ['amount_column', 'Net amount column', 'Optional: the row’s net sales'],
  ['external_id_column', 'Row id column', 'Optional: one id per receipt line; a row whose id was posted before is skipped'],
  ['location_column', 'Location column', 'Optional: otherwise the whole file is one location'],
] as const;
type ColumnKey = (typeof COLUMNS)[number][0];

interface Form {
  name: string;
  encoding: CsvProfile['encoding'];
  delimiter: CsvProfile['delimiter'];
  quote: string;
  header: boolean;
  decimal_separator: CsvProfile['decimal_separator'];
  thousands_separator: string;
  date_format: string;
  business_day_starts_at: string;
  columns: Record<ColumnKey, string>;
  locations: { value: string; storageUnit: string | null }[];
  /** What the form does not edit (rows left out, refund rows, negative rows, a row id of several columns): kept as the profile has it. */
  kept: Pick<CsvProfile, 'exclude_rows' | 'refund_rows' | 'negative_rows' | 'modifier_file'> & { external_id_columns: CsvColumn[] | null };
  currency: string | null;
}

const emptyForm: Form = {
  name: '',
  encoding: 'auto',
  delimiter: 'auto',
  quote: '"',
  header: true,
  decimal_separator: '.',
  thousands_separator: '',
  date_format: 'YYYY-MM-DD',
  business_day_starts_at: '',
  columns: {
    source_column: '',
    code_separator: '',
    quantity_source_column: '',
    date_source_column: '',
    time_source_column: '',
    name_column: '',
    variant_column: '',
    modifier_column: '',
    modifier_separator: ',',
    amount_column: '',
    external_id_column: '',
    location_column: '',
  },
  locations: [{ value: 'default', storageUnit: null }],
  kept: { exclude_rows: [], refund_rows: null, negative_rows: 'skip', modifier_file: null, external_id_columns: null },
  currency: null,
};

function formOf(profile: CsvProfile): Form {
  const rule = profile.rules[0];
  const text = (value: string | number | null | undefined) => (value === null || value === undefined ? '' : String(value));
  return {
    name: profile.name,
    encoding: profile.encoding,
    delimiter: profile.delimiter,
    quote: profile.quote,
    header: profile.header,
    decimal_separator: profile.decimal_separator,
    thousands_separator: profile.thousands_separator ?? '',
    date_format: profile.date_format,
    business_day_starts_at: profile.business_day_starts_at ?? '',
    columns: {
      source_column: text(rule?.source_column),
      code_separator: text(rule?.code_separator),
      quantity_source_column: text(rule?.quantity_source_column),
      date_source_column: text(rule?.date_source_column),
      time_source_column: text(rule?.time_source_column),
      name_column: text(profile.name_column),
      variant_column: text(profile.variant_column),
      modifier_column: text(profile.modifier_column),
      modifier_separator: profile.modifier_separator,
      amount_column: text(profile.amount_column),
      external_id_column: Array.isArray(profile.external_id_column) ? '' : text(profile.external_id_column),
      location_column: text(profile.location_column),
    },
    locations: Object.entries(profile.locations).map(([value, storageUnit]) => ({ value, storageUnit })),
    kept: {
      exclude_rows: profile.exclude_rows,
      refund_rows: profile.refund_rows ?? null,
      negative_rows: profile.negative_rows,
      modifier_file: profile.modifier_file ?? null,
      external_id_columns: Array.isArray(profile.external_id_column) ? profile.external_id_column : null,
    },
    currency: profile.currency ?? null,
  };
}

/** The form as the profile file's JSON: without a header row, a column is its 1-based position. */
function profileOf(form: Form): unknown {
  const column = (text: string) => {
    const value = text.trim();
    if (value === '') return null;
    return !form.header && /^\d+$/.test(value) ? Number(value) : value;
  };
  const { columns } = form;
  return {
    name: form.name.trim(),
    encoding: form.encoding,
    delimiter: form.delimiter,
    quote: form.quote,
    header: form.header,
    decimal_separator: form.decimal_separator,
    thousands_separator: form.thousands_separator === '' ? null : form.thousands_separator,
    date_format: form.date_format,
    business_day_starts_at: form.business_day_starts_at.trim() === '' ? null : form.business_day_starts_at.trim(),
    rules: [
      {
        type: 'column_values_to_pos_codes',
        source_column: column(columns.source_column) ?? '',
        code_separator: columns.code_separator.trim() === '' ? null : columns.code_separator.trim(),
        quantity_source_column: column(columns.quantity_source_column),
        date_source_column: column(columns.date_source_column),
        time_source_column: column(columns.time_source_column),
      },
    ],
    name_column: column(columns.name_column),
    variant_column: column(columns.variant_column),
    modifier_column: column(columns.modifier_column),
    modifier_separator: columns.modifier_separator === '' ? ',' : columns.modifier_separator,
    amount_column: column(columns.amount_column),
    external_id_column: column(columns.external_id_column) ?? form.kept.external_id_columns,
    location_column: column(columns.location_column),
    exclude_rows: form.kept.exclude_rows,
    refund_rows: form.kept.refund_rows,
    negative_rows: form.kept.negative_rows,
    modifier_file: form.kept.modifier_file,
    currency: form.currency,
    locations: Object.fromEntries(form.locations.filter((row) => row.value.trim() !== '').map((row) => [row.value.trim(), row.storageUnit ?? ''])),
  };
}

/** The setting a csv_profile_invalid refusal names (its details), as the form's field to mark. */
function faultyField(error: IpcError | null): string | null {
  if (error?.code !== 'csv_profile_invalid') return null;
  return error.details?.[0] ?? null;
}

const delimiterOptions = [
  { value: 'auto', label: 'Detect from the file' },
  { value: ',', label: 'Comma ,' },
  { value: ';', label: 'Semicolon ;' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Pipe |' },
];
/** The date format's last choice: any format written as tokens. */
const OTHER_FORMAT = 'Other format…';
const dateOptions = [...new Set(CSV_DATE_FORMATS.flatMap((format) => (/[Hh]/.test(format) ? [format] : ['', ' HH:mm', ' HH:mm:ss'].map((time) => `${format}${time}`))))];

/** A CSV profile, new or existing, edited with a live preview of a sample file. */
export function CsvProfileEditor({ name }: { name: string | null }) {
  const sources = useLive(() => call('sources:list', {}), () => false, [name]);
  if (name === null) return <ProfileForm name={null} initial={emptyForm} />;
  if (!sources.data) return <ErrorNotice error={sources.error} />;
  const existing = sources.data.find((source) => source.kind === 'csv' && source.name === name)?.profile;
  if (!existing) {
    return (
      <Stack maw={1100}>
        <BackToSources />
        <Alert color="red" title="No such profile">
          There is no CSV profile named {name}.
        </Alert>
      </Stack>
    );
  }
  return <ProfileForm key={name} name={name} initial={formOf(existing)} />;
}

function ProfileForm({ name, initial }: { name: string | null; initial: Form }) {
  const go = useNavigation((state) => state.go);
  const units = useLive(() => call('storage-units:list', {}), anyOf('inventory:changed'), []);
  const [form, setForm] = useState<Form>(initial);
  const [otherFormat, setOtherFormat] = useState(false);
  const [sample, setSample] = useState<{ file: File; data: { name: string; base64: string } } | null>(null);
  const [sampleError, setSampleError] = useState<IpcError | null>(null);
  const [sampleDate, setSampleDate] = useState('');
  const [reading, setReading] = useState<Awaited<ReturnType<typeof call<'csv:sample'>>> | null>(null);
  const [raw, setRaw] = useState<string[][] | null>(null);
  const profile = useMemo(() => profileOf(form), [form]);

  // The file as it splits, needing no profile yet: shown at once, and the lists the columns are picked from.
  useEffect(() => {
    if (!sample) return undefined;
    let current = true;
    call('csv:peek', { file: sample.data, encoding: form.encoding, delimiter: form.delimiter, quote: form.quote.length === 1 ? form.quote : '"' }).then(
      (answer) => current && setRaw(answer.rows),
      (caught: unknown) => current && (setRaw(null), setSampleError(asIpcError(caught))),
    );
    return () => {
      current = false;
    };
  }, [sample, form.encoding, form.delimiter, form.quote]);

  useEffect(() => {
    if (!sample) return undefined;
    let current = true;
    // A pause in typing, then one reading of the sample.
    const timer = setTimeout(() => {
      call('csv:sample', { profile, file: sample.data, ...(sampleDate ? { date: sampleDate } : {}) }).then(
        (answer) => current && (setReading(answer), setSampleError(null)),
        (caught: unknown) => current && (setReading(null), setSampleError(asIpcError(caught))),
      );
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [profile, sample, sampleDate]);

  const save = useAction(async () => {
    await call('csv:profile-save', { profile });
    go('sources');
  });
  const fault = faultyField(save.error ?? sampleError);
  const set = (changes: Partial<Form>) => setForm((previous) => ({ ...previous, ...changes }));
  const setColumn = (key: ColumnKey, value: string) => setForm((previous) => ({ ...previous, columns: { ...previous.columns, [key]: value } }));
  const unitOptions = (units.data ?? []).map((unit) => unit.name);
  const choices = raw ? columnChoices(raw, form.header) : [];
  const hasLocationColumn = form.columns.location_column.trim() !== '';

  return (
    <Stack maw={1100}>
      <BackToSources />
      <Title order={2}>{name === null ? 'New CSV profile' : `CSV profile: ${name}`}</Title>
      <Text c="dimmed" size="sm">
        How to read your till’s export. Start with a sample file: its first rows show here at once, you pick its columns from lists, and the preview shows how Larder reads it as you change the settings.
      </Text>
      <Paper withBorder p="md" aria-label="Sample file">
        <Stack gap="sm">
          <FileInput
            label="Sample file"
            description="A CSV export of your till; nothing is posted"
            placeholder="Choose a file"
            accept=".csv,.txt,text/csv"
            clearable
            maw={480}
            onChange={(file) => {
              setReading(null);
              setRaw(null);
              setSampleError(null);
              if (!file) return setSample(null);
              readForUpload(file).then(
                (data) => setSample({ file, data }),
                (caught: unknown) => setSampleError(asIpcError(caught)),
              );
            }}
          />
          {raw ? <RawRows rows={raw} header={form.header} /> : null}
        </Stack>
      </Paper>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Paper withBorder p="md" component="form" aria-label="Profile settings" onSubmit={(event) => (event.preventDefault(), void save.run())}>
          <Stack gap="sm">
            <TextInput
              label="Profile name"
              description={name === null ? 'Unique; you pick it when uploading' : 'The name stays: it names the till’s locations in the ledger'}
              value={form.name}
              disabled={name !== null}
              required
              error={fault === 'name' ? 'Give the profile a name' : undefined}
              onChange={(event) => set({ name: event.currentTarget.value })}
            />
            <Group grow align="start">
              <Select
                label="Encoding"
                description="Detect: UTF-8, else Windows-1252 (ANSI)"
                data={[
                  { value: 'auto', label: 'Detect' },
                  { value: 'utf-8', label: 'UTF-8' },
                  { value: 'windows-1252', label: 'Windows-1252' },
                ]}
                value={form.encoding}
                allowDeselect={false}
                onChange={(value) => set({ encoding: (value ?? 'auto') as Form['encoding'] })}
              />
              <Select label="Delimiter" data={delimiterOptions} value={form.delimiter} allowDeselect={false} onChange={(value) => set({ delimiter: (value ?? 'auto') as Form['delimiter'] })} />
              <TextInput label="Quote" maw={90} value={form.quote} error={fault === 'quote' ? 'One character' : undefined} onChange={(event) => set({ quote: event.currentTarget.value })} />
            </Group>
            <Checkbox label="The first row holds the column names" checked={form.header} onChange={(event) => set({ header: event.currentTarget.checked })} />
            <Group grow>
              <Select
                label="Decimal separator"
                data={[
                  { value: '.', label: 'Point: 1.5' },
                  { value: ',', label: 'Comma: 1,5' },
                ]}
                value={form.decimal_separator}
                allowDeselect={false}
                onChange={(value) => set({ decimal_separator: (value ?? '.') as Form['decimal_separator'] })}
              />
              <Select
                label="Thousands separator"
                data={[
                  { value: '', label: 'None' },
                  { value: '.', label: 'Point: 1.234' },
                  { value: ',', label: 'Comma: 1,234' },
                  { value: ' ', label: 'Space: 1 234' },
                ]}
                value={form.thousands_separator}
                allowDeselect={false}
                error={fault === 'thousands_separator' ? 'Must differ from the decimal separator' : undefined}
                onChange={(value) => set({ thousands_separator: value ?? '' })}
              />
              <Select
                label="Date format"
                data={[...dateOptions, OTHER_FORMAT]}
                value={dateOptions.includes(form.date_format) && !otherFormat ? form.date_format : OTHER_FORMAT}
                allowDeselect={false}
                onChange={(value) => {
                  setOtherFormat(value === OTHER_FORMAT);
                  if (value && value !== OTHER_FORMAT) set({ date_format: value });
                }}
              />
              {otherFormat || !dateOptions.includes(form.date_format) ? (
                <TextInput
                  label="Date format as tokens"
                  description="YYYY YY MM M DD D HH H hh h mm ss A, e.g. M/D/YY h:mm A"
                  value={form.date_format}
                  onChange={(event) => set({ date_format: event.currentTarget.value })}
                  error={isDateFormat(form.date_format.trim()) ? undefined : 'Not a date format: use the tokens, with a day, a month and a year'}
                />
              ) : null}
            </Group>
            <Select
              label="Currency of the amounts"
              description="Optional: without it, the company’s currency"
              maw={240}
              searchable
              clearable
              data={[...new Set([...(form.currency ? [form.currency] : []), ...CURRENCIES])]}
              value={form.currency}
              onChange={(value) => set({ currency: value })}
            />
            <TextInput
              label="Business day starts at"
              description="Optional, e.g. 04:00: a sale before it belongs to the day before (needs a time in the date or a time column)"
              value={form.business_day_starts_at}
              onChange={(event) => set({ business_day_starts_at: event.currentTarget.value })}
              error={form.business_day_starts_at.trim() === '' || TIME_OF_DAY.test(form.business_day_starts_at.trim()) ? undefined : 'A time such as 04:00'}
            />
            {COLUMNS.map(([key, label, description]) =>
              key === 'code_separator' || key === 'modifier_separator' ? (
                <TextInput key={key} label={label} description={description} value={form.columns[key]} onChange={(event) => setColumn(key, event.currentTarget.value)} />
              ) : (
                choices.length > 0 ? (
                  <Select
                    key={key}
                    label={label}
                    description={description}
                    required={key === 'source_column'}
                    placeholder={key === 'source_column' ? 'Choose the column' : 'Not in this file'}
                    data={choices.some((choice) => choice.value === form.columns[key]) || form.columns[key] === '' ? choices : [...choices, { value: form.columns[key], label: `${form.columns[key]} (not in this file)` }]}
                    value={form.columns[key] === '' ? null : form.columns[key]}
                    clearable={key !== 'source_column'}
                    searchable
                    error={fault === key ? `${label}: ${save.error?.message.replace(/^[^:]*: /, '') ?? 'choose a column of this file'}` : undefined}
                    onChange={(value) => setColumn(key, value ?? '')}
                  />
                ) : (
                  <Autocomplete
                    key={key}
                    label={label}
                    description={form.header ? description : `${description}. Without a header row: the column’s position, 1 for the first`}
                    required={key === 'source_column'}
                    data={[]}
                    value={form.columns[key]}
                    error={fault === key ? `${label}: ${save.error?.message.replace(/^[^:]*: /, '') ?? 'not a column of this file'}` : undefined}
                    onChange={(value) => setColumn(key, value)}
                  />
                )
              ),
            )}
            <KeptRules kept={form.kept} idColumn={form.columns.external_id_column} />
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {hasLocationColumn ? 'Each location of the file, and the storage unit its sales come out of' : 'The storage unit the file’s sales come out of'}
              </Text>
              {(hasLocationColumn ? form.locations.filter((row) => row.value !== 'default' || form.locations.length === 1) : form.locations.slice(0, 1)).map((row, index) => (
                <Group key={index} grow>
                  {hasLocationColumn ? (
                    <TextInput
                      aria-label={`Location ${index + 1}`}
                      placeholder="As the file writes it, such as Mitte"
                      value={row.value === 'default' ? '' : row.value}
                      onChange={(event) => {
                        const value = event.currentTarget.value;
                        setForm((previous) => ({ ...previous, locations: previous.locations.map((each, at) => (at === index ? { ...each, value } : each)) }));
                      }}
                    />
                  ) : null}
                  <Select
                    aria-label={hasLocationColumn ? `Storage unit of location ${index + 1}` : 'Storage unit'}
                    placeholder="Choose a storage unit"
                    data={unitOptions}
                    value={row.storageUnit}
                    error={fault === 'locations' ? 'Choose a storage unit' : undefined}
                    onChange={(storageUnit) =>
                      setForm((previous) => ({
                        ...previous,
                        locations: hasLocationColumn
                          ? previous.locations.map((each, at) => (at === index ? { ...each, storageUnit } : each))
                          : [{ value: 'default', storageUnit }],
                      }))
                    }
                  />
                </Group>
              ))}
              {hasLocationColumn ? (
                <Button variant="subtle" size="xs" style={{ alignSelf: 'flex-start' }} onClick={() => set({ locations: [...form.locations, { value: '', storageUnit: null }] })}>
                  Add a location
                </Button>
              ) : null}
            </Stack>
            <ErrorNotice error={save.error} onClose={save.clearError} />
            <Group>
              <Button type="submit" loading={save.busy}>
                Save profile
              </Button>
            </Group>
          </Stack>
        </Paper>
        <Stack>
          {sample && form.columns.date_source_column.trim() === '' ? (
            <TextInput label="Business date of the sample" description="The profile has no date column" placeholder="2026-05-07 or 07.05.2026" value={sampleDate} onChange={(event) => setSampleDate(event.currentTarget.value)} />
          ) : null}
          {sampleError?.code === 'csv_profile_invalid' ? (
            // A profile still being filled in is not an error yet: say what the preview waits for.
            <Text size="sm" c="dimmed" data-profile-incomplete>
              The preview shows once the profile is complete. Still to do: {sampleError.message.replace(/\.$/, '')}.
            </Text>
          ) : (
            <ErrorNotice error={sampleError} />
          )}
          {reading ? (
            <Paper withBorder p="md" aria-label="How the profile reads the sample">
              <Text size="sm" mb="xs">
                {reading.rows.toLocaleString()} rows: {reading.rows_valid.toLocaleString()} read, {reading.rows_invalid.toLocaleString()} invalid,{' '}
                {reading.rows_skipped.toLocaleString()} skipped (quantity 0 or less).
              </Text>
              {reading.header ? (
                <Text size="xs" c="dimmed" mb="xs">
                  Columns: {reading.header.join(' · ')}
                </Text>
              ) : null}
              <CsvRowsTable rows={reading.first_rows} label="First rows as read" />
              {reading.invalid_rows.length > 0 ? (
                <Alert color="orange" mt="sm" title={reading.invalid_rows.length === 1 ? 'One row does not read' : `${reading.invalid_rows.length.toLocaleString()} rows do not read`}>
                  <InvalidRowsTable rows={reading.invalid_rows} />
                </Alert>
              ) : null}
            </Paper>
          ) : sample ? (
            form.columns.source_column.trim() === '' ? (
              <Text size="sm" c="dimmed">
                Choose the POS code column: then this shows how the profile reads each row.
              </Text>
            ) : null
          ) : (
            <Text size="sm" c="dimmed">
              No sample yet: choose a file above to see how the profile reads it.
            </Text>
          )}
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}

/** The rules a preset (or a profile file) set that the form does not edit, in words: a manager should see which rows are left out. */
function KeptRules({ kept, idColumn }: { kept: Form['kept']; idColumn: string }) {
  const values = (where: { column: CsvColumn; equals: string[] }) => `${where.equals.map((value) => `“${value}”`).join(' or ')} in ${where.column}`;
  const lines = [
    ...kept.exclude_rows.map((where) => `Leaves out rows with ${values(where)}.`),
    ...(kept.refund_rows ? [`Rows with ${values(kept.refund_rows)} are refunds: they follow the setting “Refunds put stock back”.`] : []),
    ...(kept.negative_rows === 'count' ? ['Rows with a negative quantity count against the day’s sales (voids).'] : []),
    ...(kept.modifier_file
      ? [`A modifier file may be given beside the file at upload: its ${kept.modifier_file.source_column} column, linked to the items by ${kept.modifier_file.link_columns.join(' + ')}.`]
      : []),
    ...(kept.external_id_columns && idColumn.trim() === '' ? [`A row is told apart by ${kept.external_id_columns.join(' + ')}; rows alike within one file are numbered.`] : []),
  ];
  if (lines.length === 0) return null;
  return (
    <Alert color="gray" title="Also in this profile">
      <Stack gap={2}>
        {lines.map((line) => (
          <Text key={line} size="sm">
            {line}
          </Text>
        ))}
        <Text size="xs" c="dimmed">
          Change these in the profile file (csv profile save); the README lists them.
        </Text>
      </Stack>
    </Alert>
  );
}
