// A CSV profile: the rules for reading one till's export, as the profile file holds them (README,
// "CSV profiles"). The schema (shared/model/csv.ts) is the file's contract: unknown keys are refused,
// and every column is named by header text, or by 1-based position when the file has no header.
import { csvProfileSchema, type CsvColumn, type CsvProfile } from '../../../../shared/model/csv';
import { DomainError } from '../../domain-error';

export type { CsvColumn, CsvProfile };

/** A profile's settings in the words the profile editor uses; the setting's own name follows in brackets for the file's authors. */
const SETTING_WORDS: Record<string, string> = {
  name: 'Profile name',
  encoding: 'Encoding',
  delimiter: 'Delimiter',
  quote: 'Quote',
  header: 'Header row',
  decimal_separator: 'Decimal separator',
  thousands_separator: 'Thousands separator',
  date_format: 'Date format',
  currency: 'Currency',
  rules: 'Rules',
  source_column: 'POS code column',
  code_separator: 'Code separator',
  quantity_source_column: 'Quantity column',
  date_source_column: 'Date column',
  time_source_column: 'Time column',
  business_day_starts_at: 'Business day starts at',
  name_column: 'Item name column',
  variant_column: 'Variant column',
  modifier_column: 'Modifiers column',
  modifier_separator: 'Modifier separator',
  exclude_rows: 'Leave out rows',
  modifier_file: 'Modifier file',
  link_columns: 'Columns linking a modifier to its item',
  refund_rows: 'Refund rows',
  negative_rows: 'Negative rows',
  amount_column: 'Net amount column',
  external_id_column: 'Row id column',
  location_column: 'Location column',
  locations: 'Locations and storage units',
};

/**
 * A profile file's JSON, checked; the first fault named in csv_profile_invalid, in words ("Item name
 * column (name_column): …"), with the setting's name in `details` so a form can mark its field.
 */
export function parseCsvProfile(json: unknown): CsvProfile {
  const parsed = csvProfileSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  const setting = [...(issue?.path ?? [])].reverse().find((part): part is string => typeof part === 'string' && part in SETTING_WORDS);
  const where = setting ? `${SETTING_WORDS[setting]} (${setting})` : 'The profile';
  const what = issue?.code === 'unrecognized_keys' ? `unknown setting(s) ${issue.keys.map((key) => `"${key}"`).join(', ')}` : issue?.message;
  throw new DomainError('csv_profile_invalid', `${where}: ${what ?? 'not a CSV profile'}.`, setting ? [setting] : undefined);
}
