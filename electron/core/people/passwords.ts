// Passwords are kept only as scrypt hashes (RFC 7914), by Node's own OpenSSL: memory-hard like argon2id,
// with no native add-on to build or ship for each platform. The cost is OWASP's for scrypt (N = 2^17,
// r = 8, p = 1: 128 MiB and about a third of a second per guess here), written into each hash in the
// PHC string format, so a stronger cost later still verifies every hash kept before it.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { DomainError } from '../domain-error';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../../shared/model/people';

const COST = { logN: 17, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
const PHC = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

function derive(password: string, salt: Buffer, cost: typeof COST, bytes: number): Promise<Buffer> {
  const options: ScryptOptions = { N: 2 ** cost.logN, r: cost.r, p: cost.p, maxmem: 2 * 128 * 2 ** cost.logN * cost.r };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, bytes, options, (error, key) => (error ? reject(error) : resolve(key))));
}

const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');

/** A password people can keep: 10 to 200 characters, any of them (a passphrase with spaces is good). */
export function checkPassword(password: string): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN || length > PASSWORD_MAX) {
    throw new DomainError('password_rejected', `A password is ${PASSWORD_MIN} to ${PASSWORD_MAX} characters long; this one has ${length}. A few words in a row are easy to remember and hard to guess.`);
  }
}

export async function hashPassword(password: string): Promise<string> {
  checkPassword(password);
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, COST, KEY_BYTES);
  return `$scrypt$ln=${COST.logN},r=${COST.r},p=${COST.p}$${b64(salt)}$${b64(key)}`;
}

/** Whether `password` is the one `stored` was made from; a hash Larder did not write matches nothing. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = PHC.exec(stored);
  if (!match) return false;
  const [, logN, r, p, salt, key] = match;
  const expected = Buffer.from(key as string, 'base64');
  const actual = await derive(password, Buffer.from(salt as string, 'base64'), { logN: Number(logN), r: Number(r), p: Number(p) }, expected.length);
  return timingSafeEqual(actual, expected);
}
