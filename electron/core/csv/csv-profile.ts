// A CSV profile: the rules for reading one till's export, as the profile file holds them (README,
// "CSV profiles"). The schema is the file's contract: unknown keys are refused, and every column is
// named by header text, or by 1-based position when the file has no header.
import { z } from 'zod';
import { DomainError } from '../domain-error';

export const CSV_DATE_FORMATS = ['YYYY-MM-DD', 'DD.MM.YYYY', 'DD/MM/YYYY', 'MM/DD/YYYY'] as const;
const TIMES = ['', ' HH:mm', ' HH:mm:ss'] as const;
const dateFormats = CSV_DATE_FORMATS.flatMap((format) => TIMES.map((time) => `${format}${time}`));

const column = z.union([z.string().trim().min(1), z.number().int().positive()]);
const optionalColumn = column.nullish();

const posCodesRule = z
  .object({
    type: z.literal('column_values_to_pos_codes'),
    source_column: column,
    code_separator: z.string().min(1).max(5).nullish(),
    quantity_source_column: optionalColumn,
    date_source_column: optionalColumn,
  })
  .strict();

export const csvProfileSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    encoding: z.enum(['utf-8', 'windows-1252', 'auto']).default('auto'),
    delimiter: z.enum(['auto', ',', ';', '\t', '|']).default('auto'),
    quote: z.string().length(1).default('"'),
    header: z.boolean().default(true),
    decimal_separator: z.enum(['.', ',']).default('.'),
    thousands_separator: z.enum(['.', ',', ' ']).nullish(),
    date_format: z.enum(dateFormats as [string, ...string[]]).default('YYYY-MM-DD'),
    rules: z.array(posCodesRule).length(1, 'one column_values_to_pos_codes rule'),
    name_column: optionalColumn,
    amount_column: optionalColumn,
    external_id_column: optionalColumn,
    location_column: optionalColumn,
    locations: z.record(z.string().trim().min(1), z.string().trim().min(1)),
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
      name_column: profile.name_column,
      amount_column: profile.amount_column,
      external_id_column: profile.external_id_column,
      location_column: profile.location_column,
    };
    for (const [key, value] of Object.entries(columns)) {
      if (!profile.header && typeof value === 'string') {
        context.addIssue({ code: 'custom', path: [key], message: 'without a header row, columns are 1-based positions (3, not "Menge")' });
      }
    }
    if (profile.location_column == null && !('default' in profile.locations)) {
      context.addIssue({ code: 'custom', path: ['locations'], message: 'without a location column, "default" names the storage unit of the whole file' });
    }
  });

export type CsvProfile = z.output<typeof csvProfileSchema>;
export type CsvColumn = z.output<typeof column>;

/** A profile file's JSON, checked; the first fault named in csv_profile_invalid. */
export function parseCsvProfile(json: unknown): CsvProfile {
  const parsed = csvProfileSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  const where = issue?.path.length ? issue.path.join('.') : 'the profile';
  const what = issue?.code === 'unrecognized_keys' ? `unknown setting(s) ${issue.keys.map((key) => `"${key}"`).join(', ')}` : issue?.message;
  throw new DomainError('csv_profile_invalid', `${where}: ${what ?? 'not a CSV profile'}.`);
}
