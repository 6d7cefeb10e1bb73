import { createHash, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (about 18 ms a hash on this kind of machine). */
export const hashPassword = (password: string) => hash(password);

/**
 * What `person.password_hash` holds for a person 批量导入 created: the initial password is, by the seeds' rule
 * (003 6), the last six characters of the ID number, which lie in the same row. A hash of a value that can be read
 * next to it protects nothing, so none is computed for 100,000 rows (30 CPU-minutes of argon2); the login compares
 * the six characters in constant time and, as for any temporary password, only lets the person choose a new one,
 * which is hashed.
 */
export const INITIAL_ID_LAST_SIX = 'initial:id-last-six';

const sameText = (a: string, b: string) => timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

let dummyHash: Promise<string> | null = null;
/** Spends the same time as a real check, for IDs that do not exist (and for initial passwords, so timing tells nothing). */
export const burnPasswordCheck = async (password: string) => {
  dummyHash ??= hash('dummy-password-0');
  await verifyHash(await dummyHash, password);
};

const verifyHash = async (passwordHash: string, password: string) => {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
};

export const verifyPassword = async (person: { passwordHash: string; idNumber: string }, password: string) => {
  if (person.passwordHash !== INITIAL_ID_LAST_SIX) return verifyHash(person.passwordHash, password);
  await burnPasswordCheck(password);
  return sameText(person.idNumber.slice(-6), password);
};
