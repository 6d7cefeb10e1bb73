import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (about 18 ms a hash on this kind of machine). */
export const hashPassword = (password: string) => hash(password);

export const verifyPassword = async (passwordHash: string, password: string) => {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
};

let dummyHash: Promise<string> | null = null;
/** Spends the same time as a real check, for IDs that do not exist. */
export const burnPasswordCheck = async (password: string) => {
  dummyHash ??= hash('dummy-password-0');
  await verifyPassword(await dummyHash, password);
};
