// A file recognised by its header as a preset's export, and the profile proposed for it: the preset's
// template with the file's own spelling of its columns, the date format and decimal separator its
// first rows read with, and every location value the file names — each sent to the storage unit the
// manager chooses.
import type { CsvDetection, CsvPresetView, CsvProposal } from '../../../../shared/model/csv';
import type { CompanyScope } from '../../db/company';
import { DomainError, quoted } from '../../domain-error';
import { saveCsvProfile, type SavedCsvProfile } from './csv-profiles';
import { CSV_PRESETS, type CsvPreset, type PresetLayout, type PresetTemplate } from './csv-presets';
import { matchKey, readCsvDate, readLocaleDecimal, surveyCsv, type CsvSource } from './csv-reader';

export function listPresets(): CsvPresetView[] {
  return CSV_PRESETS.map((preset) => ({ id: preset.id, system: preset.system, name: preset.name, columns: [...(preset.layouts[0] as PresetLayout).columns] }));
}

/** Every column a template reads, as the preset names it. */
function templateColumns(template: PresetTemplate): string[] {
  const rule = template.rules[0];
  const named = [
    rule?.source_column,
    rule?.quantity_source_column,
    rule?.date_source_column,
    rule?.time_source_column,
    template.name_column,
    template.variant_column,
    template.modifier_column,
    template.amount_column,
    template.external_id_column,
    template.location_column,
    ...(template.exclude_rows ?? []).map((where) => where.column),
    template.refund_rows?.column,
  ];
  return named.flat().filter((column): column is string => typeof column === 'string');
}

/** The template with each column spelled as the file writes it (headers differ in case and spaces). */
function spelledAs(template: PresetTemplate, header: readonly string[]): PresetTemplate {
  const byKey = new Map(header.map((name) => [matchKey(name), name]));
  const as = <T,>(column: T): T => (typeof column === 'string' ? ((byKey.get(matchKey(column)) ?? column) as T) : column);
  const rule = template.rules[0] as PresetTemplate['rules'][number];
  return {
    ...template,
    rules: [{ ...rule, source_column: as(rule.source_column), quantity_source_column: as(rule.quantity_source_column), date_source_column: as(rule.date_source_column), time_source_column: as(rule.time_source_column) }],
    name_column: as(template.name_column),
    variant_column: as(template.variant_column),
    modifier_column: as(template.modifier_column),
    amount_column: as(template.amount_column),
    external_id_column: Array.isArray(template.external_id_column) ? template.external_id_column.map(as) : as(template.external_id_column),
    location_column: as(template.location_column),
    exclude_rows: template.exclude_rows?.map((where) => ({ ...where, column: as(where.column) })),
    refund_rows: template.refund_rows ? { ...template.refund_rows, column: as(template.refund_rows.column) } : template.refund_rows,
  };
}

export interface Detection {
  preset: CsvPreset | null;
  layout: PresetLayout | null;
  /** The published columns of the (closest) preset the file lacks. */
  missingColumns: string[];
}

/**
 * The preset whose every column its template reads is in the header (case and spaces aside), the one
 * sharing most of its published columns with the file when several do. When none fits, the closest
 * preset sharing at least half its columns names what the file lacks, and `preset` is null.
 */
export function detectPreset(header: readonly string[]): Detection {
  const present = new Set(header.map(matchKey));
  let best: { preset: CsvPreset; layout: PresetLayout; share: number; fits: boolean } | null = null;
  for (const preset of CSV_PRESETS) {
    for (const layout of preset.layouts) {
      const share = layout.columns.filter((column) => present.has(matchKey(column))).length / layout.columns.length;
      const fits = templateColumns(layout.template).every((column) => present.has(matchKey(column)));
      if (!best || Number(fits) > Number(best.fits) || (fits === best.fits && share > best.share)) best = { preset, layout, share, fits };
    }
  }
  if (!best || (!best.fits && best.share < 0.5)) return { preset: null, layout: null, missingColumns: [] };
  const missingColumns = best.layout.columns.filter((column) => !present.has(matchKey(column)));
  return best.fits ? { preset: best.preset, layout: best.layout, missingColumns } : { preset: null, layout: null, missingColumns };
}

/** `csv detect`: the file's header (only) read, and recognised. */
export async function detectCsv(source: CsvSource): Promise<CsvDetection> {
  const { header } = await surveyCsv(source, () => [], 0);
  const detection = detectPreset(header);
  return { preset: detection.preset?.id ?? null, missing_columns: detection.missingColumns };
}

/** What the Upload screen proposes for a dropped file: its preset (or none), what it lacks, the location values to send to storage units. */
export async function proposalFor(source: CsvSource): Promise<CsvProposal> {
  const detected = await detectCsv(source);
  if (detected.preset === null) return { preset: null, missing_columns: detected.missing_columns, locations: null, currency: null, read_beside: null };
  const beside = CSV_PRESETS.find((preset) => preset.id === detected.preset)?.readBeside;
  if (beside) {
    const { id, system, name } = CSV_PRESETS.find((preset) => preset.id === detected.preset) as CsvPreset;
    return { preset: { id, system, name }, missing_columns: detected.missing_columns, locations: null, currency: null, read_beside: beside };
  }
  const proposal = await proposePreset(source, detected.preset);
  const { id, system, name } = proposal.preset;
  return { preset: { id, system, name }, missing_columns: proposal.missingColumns, locations: proposal.locations, currency: proposal.currency, read_beside: null };
}

/** What a preset proposes for one file. */
export interface PresetProposal {
  preset: CsvPreset;
  /** The profile file's settings but its name and locations. */
  template: PresetTemplate;
  /** The location values the file names (null: the preset has no location column, the whole file is one location). */
  locations: string[] | null;
  missingColumns: string[];
  /** The currency the file's amounts are in, as far as they tell (`$` is taken for USD); null when they do not. */
  currency: string | null;
}

/** Currency marks tills write beside amounts. `$` is ambiguous (USD, CAD, AUD): it proposes USD, which the manager may change. */
const CURRENCY_MARKS: Record<string, string> = { '€': 'EUR', '£': 'GBP', $: 'USD', 'US$': 'USD', 'CA$': 'CAD', 'A$': 'AUD', 'NZ$': 'NZD', Fr: 'CHF', 'Fr.': 'CHF', '¥': 'JPY', kr: 'SEK' };

/** The currency of the sample: a currency column's code, else the mark or code written beside the amounts. */
function currencyOf(codes: string[], amounts: string[]): string | null {
  const code = codes.find((cell) => /^[A-Za-z]{3}$/.test(cell));
  if (code) return code.toUpperCase();
  for (const amount of amounts) {
    const mark = amount.replace(/[\d\s.,()+-]/g, '');
    if (/^[A-Z]{3}$/.test(mark)) return mark;
    if (mark in CURRENCY_MARKS) return CURRENCY_MARKS[mark] as string;
  }
  return null;
}

/** The first format of `formats` that reads every date of the sample (the template's own when none does). */
function dateFormatOf(formats: readonly string[], dates: string[], fallback: string): string {
  return formats.find((format) => dates.every((date) => readCsvDate(date, format) !== null)) ?? fallback;
}

/** A decimal comma when the sample's amounts end in `,dd` and none in `.dd` (`9,00 €`, `1.020,50`). */
function decimalOf(cells: string[]): Pick<PresetTemplate, 'decimal_separator' | 'thousands_separator'> | null {
  const comma = cells.some((cell) => /\d,\d{1,2}\D*$/.test(cell.trim()));
  const point = cells.some((cell) => /\d\.\d{1,2}\D*$/.test(cell.trim()));
  return comma && !point ? { decimal_separator: ',', thousands_separator: '.' } : null;
}

/** Reads the file (all of it, for its locations) and proposes its preset's profile; `preset` forces one, else the header decides. */
export async function proposePreset(source: CsvSource, presetId?: string): Promise<PresetProposal> {
  const forced = presetId === undefined ? undefined : CSV_PRESETS.find((preset) => preset.id === presetId);
  if (presetId !== undefined && !forced) throw new DomainError('csv_preset_not_found', `There is no preset ${quoted(presetId)}; csv presets lists them.`);
  let detection: Detection | null = null;
  const survey = await surveyCsv(source, (header) => {
    detection = detectPreset(header);
    const layout = forced ? bestLayout(forced, header) : detection.layout;
    const location = layout?.template.location_column;
    const at = typeof location === 'string' ? header.findIndex((name) => matchKey(name) === matchKey(location)) : -1;
    return at >= 0 ? [at] : [];
  });
  const found = detection as Detection | null;
  const preset = forced ?? found?.preset;
  if (!preset) {
    const lacking = found?.missingColumns.length ? ` It lacks ${found.missingColumns.map((column) => `"${column}"`).join(', ')} of the closest one.` : '';
    throw new DomainError('csv_preset_not_recognised', `The file's header is not one of the known exports (csv presets lists them).${lacking} Set up a profile of your own for it.`);
  }
  if (preset.readBeside) {
    throw new DomainError(
      'csv_preset_read_beside',
      `This is ${preset.system}’s ${preset.name.replace(/ \(.*\)$/, '')} export: it is read beside the item export. Make the profile from the ${preset.readBeside} file, and give this one as its modifier file when uploading.`,
    );
  }
  const layout = bestLayout(preset, survey.header);
  const missing = templateColumns(layout.template).filter((column) => !survey.header.some((name) => matchKey(name) === matchKey(column)));
  if (missing.length > 0) {
    throw new DomainError('csv_column_missing', `The file lacks ${missing.map((column) => `"${column}"`).join(', ')}, which the ${preset.system} preset reads: is it the ${preset.name} export?`);
  }
  const template = spelledAs(layout.template, survey.header);
  const cellsOf = (column: unknown) => {
    const at = typeof column === 'string' ? survey.header.indexOf(column) : -1;
    return at < 0 ? [] : survey.sample.map((row) => (row[at] ?? '').trim()).filter((cell) => cell !== '');
  };
  const rule = template.rules[0] as PresetTemplate['rules'][number];
  const dateFormat = dateFormatOf(layout.dateFormats ?? [], cellsOf(rule.date_source_column), template.date_format ?? 'YYYY-MM-DD');
  const decimal = decimalOf([...cellsOf(template.amount_column), ...cellsOf(rule.quantity_source_column)]);
  // A decimal comma only where the amounts read as such; the quantity must read too.
  const decimalFits = decimal && cellsOf(rule.quantity_source_column).every((cell) => readLocaleDecimal(cell, ',', '.') !== null);
  const locationAt = typeof template.location_column === 'string' ? survey.header.indexOf(template.location_column) : -1;
  const currencyColumn = layout.currencyColumn === undefined ? undefined : survey.header.find((name) => matchKey(name) === matchKey(layout.currencyColumn as string));
  const currency = currencyOf(cellsOf(currencyColumn), cellsOf(template.amount_column));
  return {
    preset,
    currency,
    template: { ...template, date_format: dateFormat, ...(decimalFits ? decimal : {}), ...(currency ? { currency } : {}) },
    locations: locationAt < 0 ? null : (survey.values.get(locationAt) ?? []),
    missingColumns: layout.columns.filter((column) => !survey.header.some((name) => matchKey(name) === matchKey(column))),
  };
}

/** The preset's layout sharing most columns with the header. */
function bestLayout(preset: CsvPreset, header: readonly string[]): PresetLayout {
  const present = new Set(header.map(matchKey));
  const shared = (layout: PresetLayout) => layout.columns.filter((column) => present.has(matchKey(column))).length;
  return [...preset.layouts].sort((a, b) => shared(b) - shared(a))[0] as PresetLayout;
}

/**
 * Saves the profile a preset proposes for the file, named `name`, every location value found sent to
 * the storage unit `storageUnits` names for it (or `storageUnit` for all), in the currency chosen (or
 * the one the file's amounts tell); edit it later like any profile.
 */
export async function profileFromPreset(
  scope: CompanyScope,
  presetId: string | undefined,
  source: CsvSource,
  choice: { name: string; storageUnit?: string | undefined; storageUnits?: Record<string, string> | undefined; currency?: string | undefined },
  at: string,
): Promise<SavedCsvProfile> {
  const proposal = await proposePreset(source, presetId);
  const unitOf = (value: string) => {
    const unit = choice.storageUnits?.[value] ?? choice.storageUnit;
    if (!unit) throw new DomainError('invalid_input', `Choose the storage unit for ${quoted(value)}.`);
    return unit;
  };
  if (proposal.locations !== null && proposal.locations.length === 0) throw new DomainError('csv_unreadable', 'The file names no location in its rows: is it empty?');
  const locations = Object.fromEntries((proposal.locations ?? ['default']).map((value) => [value, unitOf(value)]));
  return await saveCsvProfile(scope, { ...proposal.template, ...(choice.currency ? { currency: choice.currency.trim().toUpperCase() } : {}), name: choice.name, locations }, at);
}
