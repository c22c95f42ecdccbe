import type { CsvInvalidRow } from '../../shared/model/csv';
import type { ErrorCode } from '../../shared/errors';

/** A refusal the user can act on: it carries one of the catalogued codes and never a stack to show. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: readonly string[],
    /** The rows of a file at fault (a CSV upload's invalid rows), where they apply. */
    readonly rows?: readonly CsvInvalidRow[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** A refusal with facts the door prints beside its code and words (a damaged database's path, a restore's preview). */
export class DomainRefusal extends DomainError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly facts: Readonly<Record<string, unknown>>,
  ) {
    super(code, message);
  }
}

/**
 * A failed call to a POS (Lightspeed, Sides). `temporary` marks what is worth retrying later (rate
 * limits, server errors, network failures); `retryAfterMs` is the server's own Retry-After, capped.
 */
export class PosCallError extends DomainError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly status: number | null,
    readonly temporary: boolean,
    readonly retryAfterMs: number | null = null,
  ) {
    super(code, message);
  }

  /** This error with every one of `secrets` cut out of its words: a server may echo what it was sent. */
  withoutSecrets(secrets: readonly (string | null | undefined)[]): this {
    this.message = withoutValues(this.message, secrets);
    return this;
  }
}

/** Secrets shorter than this are not looked for: cutting every "demo" or "1234" out of a text would garble it. */
const SHORTEST_SECRET = 6;

/**
 * `text` with each of `values` replaced by [redacted], as written, as JSON escapes it and as a URL
 * encodes it (the forms a server echoes a password or a token in).
 */
export function withoutValues(text: string, values: readonly (string | null | undefined)[]): string {
  let result = text;
  for (const value of values) {
    if (!value || value.length < SHORTEST_SECRET) continue;
    for (const form of new Set([value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value)])) result = result.split(form).join('[redacted]');
  }
  return result;
}

export const QUOTE_LIMIT = 80;

/**
 * A value as a message quotes it: in quotes, and cut to 80 characters, so one bad cell of a file
 * cannot flood a screen, a log or a terminal with the rest of it.
 */
export function quoted(value: string | number): string {
  const text = String(value);
  return JSON.stringify(text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}…` : text);
}

/**
 * A refusal as it is, or a failure of the machine under Larder that a manager can act on: a full
 * disk, or a data folder that cannot be written. Anything else is a bug and answers null.
 */
export function asDomainError(error: unknown): DomainError | null {
  if (error instanceof DomainError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new DomainError('disk_full', 'The disk that holds Larder’s data folder is full, so nothing was saved.');
  }
  // On a disk that is already full, SQLite cannot grow its shared-memory file and answers every read
  // and write with "disk I/O error" (SQLITE_IOERR_SHMSIZE, or _WRITE, _FSYNC, _TRUNCATE on the way).
  if (code.startsWith('SQLITE_IOERR')) {
    return new DomainError('disk_full', 'Larder could not read or write its data folder: the disk that holds it is full (or failing), so nothing was saved. Free some space on it.');
  }
  // A page that fails its own structure mid-query: the file was damaged under Larder (a disk fault, a
  // copy over it). Start-up checks catch most of this; the rest surfaces here, never as a bug.
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new DomainError('database_damaged', 'Larder’s database file is damaged. Restore the newest verified backup (Settings → Backups, or npm run cli -- backup list).');
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new DomainError('data_folder_read_only', 'Larder cannot write to its data folder (it is read-only or belongs to another user), so nothing was saved.');
  }
  return null;
}

/** How a failed transfer records any error: its code and words when Larder knows it, else internal_error with the error's text. */
export function failureOf(error: unknown): { code: string; message: string } {
  const known = asDomainError(error);
  return known ? { code: known.code, message: known.message } : { code: 'internal_error', message: String(error) };
}
