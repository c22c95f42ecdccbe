// larder.log in the data folder: one line per transfer attempt, per change of the weak-storage setting
// and per internal error, so a diagnostics file can tell support what happened (connection trouble
// shows there through the transfers it fails and the open alerts). Secrets never reach it: every line is redacted
// on the way in. Past 2 MB the file moves to larder.log.1 (one generation kept).
import { appendFileSync, existsSync, readFileSync, renameSync, statSync } from 'node:fs';
import { withoutValues } from '../domain-error';
import type { Clock } from '../clock';

const MAX_BYTES = 2 * 1024 * 1024;

// What a line must never carry: bearer and basic credentials, OAuth parameters and JSON fields that
// hold tokens, codes or secrets, JWTs, the web host's session token and long hex or base64 keys.
const SECRET_PATTERNS: [RegExp, string][] = [
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 [redacted]'],
  [/\b(access_token|refresh_token|id_token|client_secret|code_verifier|code|token|ticket|password)=([^&\s"']+)/gi, '$1=[redacted]'],
  [/"(access_token|refresh_token|id_token|client_secret|clientSecret|password|token)"\s*:\s*"[^"]*"/gi, '"$1":"[redacted]"'],
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, '[redacted jwt]'],
  [/\b[a-f0-9]{40,}\b/gi, '[redacted]'],
];

export function redactSecrets(text: string): string {
  return SECRET_PATTERNS.reduce((redacted, [pattern, replacement]) => redacted.replace(pattern, replacement), text);
}

export class ActivityLog {
  constructor(
    readonly file: string,
    private readonly clock: Clock,
    /** The stored secrets' values, cut out of every line whatever their shape. */
    private readonly secretValues: () => readonly string[] = () => [],
  ) {}

  /** `text` as Larder may write it anywhere: without any stored secret's value, token, code or key. */
  redact(text: string): string {
    return redactSecrets(withoutValues(text, this.secretValues()));
  }

  info(message: string): void {
    this.append('info', message);
  }

  error(message: string, error?: unknown): void {
    const detail = error instanceof Error ? `${error.name}: ${error.message}${error.stack ? `\n${error.stack.split('\n').slice(1, 6).join('\n')}` : ''}` : error === undefined ? '' : String(error);
    this.append('error', detail ? `${message} — ${detail}` : message);
  }

  /** The newest `count` lines, oldest first, across the rotated file and the current one. */
  tail(count: number): string[] {
    const read = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean) : []);
    return [...read(`${this.file}.1`), ...read(this.file)].slice(-count);
  }

  private append(level: 'info' | 'error', message: string): void {
    const line = `${this.clock.now().toISOString()} ${level} ${this.redact(message).replace(/\n/g, '\n    ')}\n`;
    try {
      if (existsSync(this.file) && statSync(this.file).size > MAX_BYTES) renameSync(this.file, `${this.file}.1`);
      appendFileSync(this.file, line, { mode: 0o600 });
    } catch {
      // A log that cannot be written (a full disk) must never turn a working transfer into a failed one.
    }
  }
}
