/** scrypt is slow on purpose (a third of a second or more a password on a busy machine): a test that hashes many gets this long. */
export const SCRYPT_TIMEOUT = 60_000;
