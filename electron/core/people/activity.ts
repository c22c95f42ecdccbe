// Who did what on a Larder server: the only module that writes `activity`. A change is kept with the
// person's name and what they asked, never a password, a POS secret or a file's contents: the owner
// reads this, and a backup carries it.
import type { CompanyScope } from '../db/company';
import { loginKey, type ActivityRow } from '../../../shared/model/people';
import { OptionalFilter } from '../db/optional-filter';

/** Keys whose values never go into the log: sign-ins and secrets, and uploads (megabytes of a file). */
const UNSAID = /password|secret|token|sealed|content|file|code|base64/i;
const MAX_TEXT = 80;
const MAX_SUMMARY = 500;

function said(value: unknown): unknown {
  if (typeof value === 'string') return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;
  if (Array.isArray(value)) return value.length > 10 ? [...value.slice(0, 10).map(said), `… ${value.length - 10} more`] : value.map(said);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([key]) => !UNSAID.test(key)).map(([key, each]) => [key, said(each)]));
  return value;
}

/** What was asked, as the activity view shows it. */
export function summaryOf(input: unknown): string {
  const text = JSON.stringify(said(input ?? {}));
  return text.length > MAX_SUMMARY ? `${text.slice(0, MAX_SUMMARY)}…` : text;
}

export async function recordActivity(scope: CompanyScope, entry: { userId: number; userName: string; channel: string; input: unknown; at: string }): Promise<void> {
  await scope.db
    .statement('INSERT INTO activity (company_id, at, user_id, user_name, channel, summary) VALUES (?, ?, ?, ?, ?, ?)')
    .run(scope.companyId, entry.at, entry.userId, entry.userName, entry.channel, summaryOf(entry.input));
}

/** The latest changes first, of everyone or of one person (by sign-in name). */
export async function listActivity(scope: CompanyScope, filter: { limit: number; login?: string | undefined }): Promise<ActivityRow[]> {
  const where = new OptionalFilter('a.company_id = @companyId', scope.companyId).add('u.login = @login', 'login', filter.login && loginKey(filter.login));
  const rows = (await scope.db
    .statement(
      `SELECT a.id, a.at, u.login, a.user_name AS name, a.channel, a.summary FROM activity a JOIN users u ON u.id = a.user_id
       WHERE ${where.sql} ORDER BY a.at DESC, a.id DESC LIMIT @limit`,
    )
    .all({ ...where.params, limit: filter.limit })) as ActivityRow[];
  return rows.map((row) => ({ ...row, id: Number(row.id) }));
}
