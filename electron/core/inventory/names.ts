import { DomainError } from '../domain-error';

const MAX_NAME = 200;

/** Names are how staff and setup files refer to objects, so blank or padded names are refused. */
export function requireName(raw: string, what: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name.length === 0 || name.length > MAX_NAME) {
    throw new DomainError('invalid_input', `${what} must be 1 to ${MAX_NAME} characters.`);
  }
  return name;
}
