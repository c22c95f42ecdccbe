import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { type z } from 'zod';
import { DomainError } from '../../core/domain-error';

/** Parses a command's arguments; an unknown or malformed option is a refusal, not a crash. */
export function parseCommandArgs<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
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
