import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { type z } from 'zod';
import { DomainError } from '../../core/domain-error';
import type { CliIo } from './command';

// A negative number ("-0,5", "-3") is a value people type, never an option: it is hidden from the
// option parser behind this mark and given back as typed, so the engine refuses it for what it is.
const NEGATIVE = '\u0000negative:';
const hide = (arg: string) => (/^-\d+([.,]\d+)?$/.test(arg) ? `${NEGATIVE}${arg}` : arg);
const show = <T>(value: T): T => (typeof value === 'string' && value.startsWith(NEGATIVE) ? (value.slice(NEGATIVE.length) as T) : value);

/** Parses a command's arguments; an unknown or malformed option is a refusal, not a crash. */
export function parseCommandArgs<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O, usage: string) {
  try {
    const parsed = parseArgs({ args: args.map(hide), options, allowPositionals: true, strict: true });
    return {
      ...parsed,
      values: Object.fromEntries(Object.entries(parsed.values).map(([key, value]) => [key, show(value)])) as typeof parsed.values,
      positionals: parsed.positionals.map(show),
    };
  } catch (error) {
    throw new DomainError('invalid_input', `${(error as Error).message}. Usage: ${usage}`);
  }
}

/** Validates one option with the same zod schema the IPC contract uses for it. */
export function optionValue<S extends z.ZodType>(schema: S, value: unknown, option: string): z.output<S> | undefined {
  if (value === undefined) return undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const code = option === 'from' || option === 'to' || option === 'date' ? 'invalid_date_format' : 'invalid_input';
    throw new DomainError(code, `--${option} ${String(value)}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** A file named on the command line, as text; one that cannot be read is file_unreadable, naming why. */
export function readFileArgument(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new DomainError('file_unreadable', `Cannot read ${file}: ${(error as Error).message}`);
  }
}

/**
 * A secret asked for with `-`: read from standard input or typed at a prompt that does not show it,
 * as read (each command trims what its secret allows); a secret on the command line is visible in the process list.
 */
export async function readSecretInput(io: CliIo, prompt: string, what: string): Promise<string> {
  if (!io.readSecret) throw new DomainError('invalid_input', `No standard input to read the ${what} from.`);
  return await io.readSecret(prompt);
}
