// CSV sales uploads as the engine answers them, the CLI prints them and the screens show them: one
// schema per concept. These keep the issue's snake_case field names (the CLI's JSON is a contract).
import { z } from 'zod';
import { TIME_OF_DAY } from '../dates';
import { decimalOutput } from '../decimal-text';

/** The largest file an upload reads: 200 MB. */
export const MAX_CSV_BYTES = 200 * 1024 * 1024;

// The profile file (`csv profile save`, the profile editor): exactly these keys, documented in the README.
/** Common date formats, offered first; any format of the tokens below is accepted. */
export const CSV_DATE_FORMATS = ['YYYY-MM-DD', 'DD.MM.YYYY', 'DD/MM/YYYY', 'MM/DD/YYYY', 'M/D/YY h:mm A', 'DD.MM.YYYY, HH:mm'] as const;

/**
 * A date format as tokens — YYYY YY (year), MM M (month), DD D (day), HH H hh h (hour, 24 or 12),
 * mm (minutes), ss (seconds), A (AM/PM) — with any of the separators `. , / : - T` and spaces between:
 * `M/D/YY h:mm A` (Toast), `DD.MM.YYYY, HH:mm` (SumUp). A day, a month and a year are required.
 */
export function isDateFormat(format: string): boolean {
  const tokens = format.match(/YYYY|YY|MM|M|DD|D|HH|H|hh|h|mm|ss|A|[\s.,/:T-]/g) ?? [];
  if (tokens.join('') !== format) return false;
  return tokens.some((token) => token === 'YYYY' || token === 'YY') && tokens.some((token) => token === 'MM' || token === 'M') && tokens.some((token) => token === 'DD' || token === 'D');
}

const column = z.union([z.string().trim().min(1, 'choose a column'), z.number().int().positive()], 'a column name, or its position (1 for the first) in a file without a header row');
const optionalColumn = column.nullish();

/** Rows whose column holds one of these values (case and surrounding spaces ignored): Toast's `Void?` = `true`. */
const rowsWhere = z
  .object({
    column,
    equals: z.array(z.string()).min(1, 'name at least one value'),
  })
  .strict();

const posCodesRule = z
  .object({
    type: z.literal('column_values_to_pos_codes'),
    source_column: column,
    code_separator: z.string().min(1).max(5).nullish(),
    quantity_source_column: optionalColumn,
    date_source_column: optionalColumn,
    /** Where the time of a sale is, when the export writes it apart from the date (Square's `Time`). */
    time_source_column: optionalColumn,
  })
  .strict();

export const csvProfileSchema = z
  .object({
    name: z.string().trim().min(1, 'give the profile a name').max(100),
    encoding: z.enum(['utf-8', 'windows-1252', 'auto']).default('auto'),
    delimiter: z.enum(['auto', ',', ';', '\t', '|']).default('auto'),
    quote: z.string().length(1).default('"'),
    header: z.boolean().default(true),
    decimal_separator: z.enum(['.', ',']).default('.'),
    thousands_separator: z.enum(['.', ',', ' ']).nullish(),
    date_format: z
      .string()
      .trim()
      .refine(isDateFormat, 'tokens YYYY YY MM M DD D HH H hh h mm ss A with separators, for example M/D/YY h:mm A; a day, a month and a year')
      .default('YYYY-MM-DD'),
    /** With a time, a sale before it belongs to the business day before, as POS business days do ("04:00"). */
    business_day_starts_at: z
      .string()
      .regex(TIME_OF_DAY, 'a time such as 04:00')
      .nullish(),
    /** The currency of the file's amounts (ISO 4217); without it, the company's. */
    currency: z
      .string()
      .trim()
      .regex(/^[A-Z]{3}$/, 'a currency code such as USD or EUR')
      .nullish(),
    rules: z.array(posCodesRule).length(1, 'one column_values_to_pos_codes rule'),
    name_column: optionalColumn,
    /** Appended to the item's code and name in brackets: `Lemonade (Regular)`. */
    variant_column: optionalColumn,
    /** Every modifier in the cell becomes a sales line of its own, the row's line its parent. */
    modifier_column: optionalColumn,
    modifier_separator: z.string().min(1).max(5).default(','),
    amount_column: optionalColumn,
    /**
     * One column: a value that repeats is the same row, posted once. A list: the combination of its
     * values, a combination repeating within the file numbered in order (`…#2`), as Square repeats a
     * payment's id on every item of it.
     */
    external_id_column: z.union([column, z.array(column).min(1, 'name at least one column')]).nullish(),
    location_column: optionalColumn,
    /**
     * A second export holding the modifiers, one per row (Toast's ModifierSelectionDetails), read beside
     * the file when given: a modifier row belongs to the item row with the same `link_columns` values.
     */
    modifier_file: z
      .object({
        link_columns: z.array(z.string().trim().min(1)).min(1, 'name the columns both files share'),
        source_column: z.string().trim().min(1, 'choose the modifier column'),
        exclude_rows: z.array(rowsWhere).default([]),
      })
      .strict()
      .nullish(),
    /** Rows left out (counted as skipped): voids, test rows. */
    exclude_rows: z.array(rowsWhere).default([]),
    /** Refund rows: they follow the setting "Refunds put stock back" (by default they deduct nothing and restore nothing). */
    refund_rows: rowsWhere.nullish(),
    /**
     * Other rows with a negative quantity: `skip` (a till's storno, as Sides' negative positions are),
     * or `count` them against the day's sales of the item (an export writing a void as its own row).
     */
    negative_rows: z.enum(['skip', 'count']).default('skip'),
    locations: z.record(z.string().trim().min(1, 'name each location as the file writes it'), z.string().trim().min(1, 'choose a storage unit')),
  })
  .strict()
  .superRefine((profile, context) => {
    if (profile.thousands_separator === profile.decimal_separator) {
      context.addIssue({ code: 'custom', path: ['thousands_separator'], message: 'must differ from the decimal separator' });
    }
    const rule = profile.rules[0];
    const columns = {
      source_column: rule?.source_column,
      quantity_source_column: rule?.quantity_source_column,
      date_source_column: rule?.date_source_column,
      time_source_column: rule?.time_source_column,
      name_column: profile.name_column,
      variant_column: profile.variant_column,
      modifier_column: profile.modifier_column,
      amount_column: profile.amount_column,
      external_id_column: profile.external_id_column,
      location_column: profile.location_column,
      exclude_rows: profile.exclude_rows.map((rows) => rows.column),
      refund_rows: profile.refund_rows?.column,
    };
    for (const [key, value] of Object.entries(columns)) {
      if (!profile.header && [value].flat().some((one) => typeof one === 'string')) {
        context.addIssue({ code: 'custom', path: [key], message: 'without a header row, columns are 1-based positions (3, not "Menge")' });
      }
    }
    if (!profile.header && profile.modifier_file) {
      context.addIssue({ code: 'custom', path: ['modifier_file'], message: 'links by column names: the file needs its header row' });
    }
    if (profile.location_column == null && !('default' in profile.locations)) {
      context.addIssue({ code: 'custom', path: ['locations'], message: 'without a location column, "default" names the storage unit of the whole file' });
    }
  });

export type CsvProfile = z.output<typeof csvProfileSchema>;
export type CsvColumn = z.output<typeof column>;


/** A built-in preset as `csv presets` lists it: the system's item-level export and its published header. */
export const csvPresetView = z.object({ id: z.string(), system: z.string(), name: z.string(), columns: z.array(z.string()) });
export type CsvPresetView = z.infer<typeof csvPresetView>;

/** What a file's header is recognised as (`csv detect`): a preset's id or null, and the preset's published columns the file lacks. */
export const csvDetection = z.object({ preset: z.string().nullable(), missing_columns: z.array(z.string()) });
export type CsvDetection = z.infer<typeof csvDetection>;

/** A dropped file's proposal on the Upload screen: its preset, and the location values whose storage units the manager names (null: the file is one location). */
export const csvProposal = z.object({
  preset: csvPresetView.pick({ id: true, system: true, name: true }).nullable(),
  missing_columns: z.array(z.string()),
  locations: z.array(z.string()).nullable(),
  /** The currency the amounts tell (`$` proposed as USD), for the manager to confirm; null when they tell none. */
  currency: z.string().nullable(),
  /** A file read beside another preset's (Toast's modifiers): the preset of the file it goes with. */
  read_beside: z.string().nullable(),
});
export type CsvProposal = z.infer<typeof csvProposal>;

/** A row the profile could not read: its line in the file (the header is line 1), column, raw value (≤ 80 characters) and why. */
export const csvInvalidRow = z.object({ row: z.number().int(), column: z.string(), value: z.string(), reason: z.string() });
export type CsvInvalidRow = z.infer<typeof csvInvalidRow>;

/** A row as the profile reads it, for the preview's first rows. */
export const csvPreviewRow = z.object({
  row: z.number().int(),
  codes: z.array(z.string()),
  /** The row's modifiers, each a line of its own under the row's. */
  modifiers: z.array(z.string()),
  /** Negative for a refund row (refund_rows). */
  quantity: decimalOutput,
  refund: z.boolean(),
  date: z.string(),
  location: z.string(),
  storage_unit: z.string(),
  name: z.string().nullable(),
  net_amount: decimalOutput.nullable(),
  external_id: z.string().nullable(),
});

/** The rows of one location and business day: one transfer when posted. */
export const csvDay = z.object({
  location: z.string(),
  storage_unit: z.string(),
  date: z.string(),
  rows: z.number().int(),
  /** An earlier upload of this source already posted this location-day (replace or add decides). */
  already_posted: z.boolean(),
  log_id: z.number().int().nullable(),
});
export type CsvDay = z.infer<typeof csvDay>;

/** A code of the file: mapped or not, and how much of it the rows sold. */
export const csvCode = z.object({
  code: z.string(),
  name: z.string(),
  /** True for a modifier: a line with a parent line (the row's item); false for the item of a row. */
  parent: z.boolean(),
  rows: z.number().int(),
  quantity: decimalOutput,
  mapped: z.boolean(),
  /** The mapping's target, as "Coffee beans" or "Classic Burger recipe"; null when unmapped. */
  mapping: z.string().nullable(),
});

/** What the file would take from stock, per ingredient and storage unit (negative: out). */
export const csvDeduction = z.object({ ingredient: z.string(), unit: z.string(), storage_unit: z.string(), quantity: decimalOutput });

/** Everything a preview shows; nothing of it is posted. */
export const csvPreview = z.object({
  profile: z.string(),
  file_name: z.string(),
  header: z.array(z.string()).nullable(),
  rows: z.number().int(),
  rows_valid: z.number().int(),
  rows_invalid: z.number().int(),
  rows_skipped: z.number().int(),
  rows_duplicate: z.number().int(),
  rows_unmapped: z.number().int(),
  first_rows: z.array(csvPreviewRow),
  invalid_rows: z.array(csvInvalidRow),
  days: z.array(csvDay),
  codes: z.array(csvCode),
  deductions: z.array(csvDeduction),
  /** Set when the same file (by content hash) is already posted: the id of that upload. */
  already_uploaded: z.number().int().nullable(),
});
export type CsvPreview = z.infer<typeof csvPreview>;

export const csvUploadModes = ['replace', 'add'] as const;
export type CsvUploadMode = (typeof csvUploadModes)[number];

/** One posted (or reverted) upload. */
export const csvUploadView = z.object({
  id: z.number().int(),
  status: z.enum(['posted', 'reverted']),
  profile: z.string(),
  file_name: z.string(),
  mode: z.enum(csvUploadModes).nullable(),
  skip_invalid: z.boolean(),
  rows: z.number().int(),
  rows_posted: z.number().int(),
  rows_invalid: z.number().int(),
  rows_unmapped: z.number().int(),
  rows_duplicate: z.number().int(),
  rows_skipped: z.number().int(),
  days: z.array(csvDay),
  log_ids: z.array(z.number().int()),
  /** Location-days of this upload that a later upload replaced: their entries are that upload's now. */
  days_replaced: z.number().int(),
  invalid_rows: z.array(csvInvalidRow),
  uploaded_at: z.string(),
  reverted_at: z.string().nullable(),
});
export type CsvUploadView = z.infer<typeof csvUploadView>;

/** How to post: the date for a file without a date column, replace or add for days already posted, and whether invalid rows are skipped. */
export const csvUploadOptions = z.object({
  date: z.string().optional(),
  mode: z.enum(csvUploadModes).optional(),
  skipInvalid: z.boolean().default(false),
});
export type CsvUploadOptions = z.input<typeof csvUploadOptions>;
