import type { DbOrTx } from '../../platform/db/database';

export const findPersonMfa = (db: DbOrTx, personId: string) =>
  db.selectFrom('personMfa').selectAll().where('personId', '=', personId).executeTakeFirst();

/** Holds the person's authenticator row (FOR UPDATE) for the rest of the transaction; undefined when there is none. */
export const findPersonMfaForUpdate = (db: DbOrTx, personId: string) =>
  db.selectFrom('personMfa').select('personId').where('personId', '=', personId).forUpdate().executeTakeFirst();

/** A new secret for the person, replacing theirs only while it is unconfirmed (a confirmed one stays as it is). */
export const upsertUnconfirmedMfaSecret = async (db: DbOrTx, personId: string, secretEnc: string, now: Date) => {
  await db
    .insertInto('personMfa')
    .values({ personId, secretEnc, confirmedAt: null, createdAt: now })
    .onConflict((oc) => oc.column('personId').doUpdateSet({ secretEnc, createdAt: now }).where('personMfa.confirmedAt', 'is', null))
    .execute();
};

/** A confirmed secret for the person, unless they already have one (confirmed or not). */
export const insertConfirmedMfaIfAbsent = async (db: DbOrTx, mfa: { personId: string; secretEnc: string; confirmedAt: Date; createdAt: Date }) => {
  await db
    .insertInto('personMfa')
    .values(mfa)
    .onConflict((oc) => oc.column('personId').doNothing())
    .execute();
};

/** Moves the last used step forward to `step` only if it is later, in one statement; undefined when it is not. */
export const advanceMfaLastUsedStep = (db: DbOrTx, personId: string, step: number) =>
  db
    .updateTable('personMfa')
    .set({ lastUsedStep: step })
    .where('personId', '=', personId)
    .where('lastUsedStep', '<', step)
    .returning('personId')
    .executeTakeFirst();

export const confirmPersonMfa = async (db: DbOrTx, personId: string, confirmedAt: Date) => {
  await db.updateTable('personMfa').set({ confirmedAt }).where('personId', '=', personId).execute();
};

export const deletePersonMfa = async (db: DbOrTx, personId: string) => {
  await db.deleteFrom('personMfa').where('personId', '=', personId).execute();
};

export const insertRecoveryCodes = async (db: DbOrTx, personId: string, codeHashes: string[]) => {
  await db
    .insertInto('mfaRecoveryCode')
    .values(codeHashes.map((codeHash) => ({ personId, codeHash, usedAt: null })))
    .execute();
};

export const deleteRecoveryCodes = async (db: DbOrTx, personId: string) => {
  await db.deleteFrom('mfaRecoveryCode').where('personId', '=', personId).execute();
};

/** Marks one unused recovery code used in one statement (so two requests can never both use it); undefined when none matches. */
export const spendRecoveryCode = (db: DbOrTx, personId: string, codeHash: string, now: Date) =>
  db
    .updateTable('mfaRecoveryCode')
    .set({ usedAt: now })
    .where('personId', '=', personId)
    .where('codeHash', '=', codeHash)
    .where('usedAt', 'is', null)
    .returning('id')
    .executeTakeFirst();
