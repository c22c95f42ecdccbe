// A CSV profile: the rules for reading one till's export, as the profile file holds them (README,
// "CSV profiles"). The schema (shared/model/csv.ts) is the file's contract: unknown keys are refused,
// and every column is named by header text, or by 1-based position when the file has no header.
import { csvProfileSchema, type CsvColumn, type CsvProfile } from '../../../shared/model/csv';
import { DomainError } from '../domain-error';

export type { CsvColumn, CsvProfile };

/** A profile file's JSON, checked; the first fault named in csv_profile_invalid. */
export function parseCsvProfile(json: unknown): CsvProfile {
  const parsed = csvProfileSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  const where = issue?.path.length ? issue.path.join('.') : 'the profile';
  const what = issue?.code === 'unrecognized_keys' ? `unknown setting(s) ${issue.keys.map((key) => `"${key}"`).join(', ')}` : issue?.message;
  throw new DomainError('csv_profile_invalid', `${where}: ${what ?? 'not a CSV profile'}.`);
}
