import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db/database';
import type { CodePurpose } from './identity.tables';

// Rate limits: fixed one-minute windows per (bucket, key).

/** Adds one hit to the window's counter (creating it at 1) and returns the count so far. */
export const countRateLimitHit = async (db: DbOrTx, hit: { bucket: string; key: string; windowStart: Date }) => {
  const row = await db
    .insertInto('rateLimitHit')
    .values({ bucket: hit.bucket, key: hit.key, windowStart: hit.windowStart, hits: 1 })
    .onConflict((oc) => oc.columns(['bucket', 'key', 'windowStart']).doUpdateSet({ hits: sql`rate_limit_hit.hits + 1` }))
    .returning('hits')
    .executeTakeFirstOrThrow();
  return row.hits;
};

export const deleteRateLimitWindowsBefore = async (db: DbOrTx, before: Date) => {
  await db.deleteFrom('rateLimitHit').where('windowStart', '<', before).execute();
};

// Slider captchas.

export const insertCaptcha = async (
  db: DbOrTx,
  captcha: { id: string; targetX: number; pieceY: number; ip: string | null; createdAt: Date; expiresAt: Date },
) => {
  await db.insertInto('captcha').values(captcha).execute();
};

export const deleteCaptchasExpiredBefore = async (db: DbOrTx, before: Date) => {
  await db.deleteFrom('captcha').where('expiresAt', '<', before).execute();
};

/** Takes the challenge's one answer (if it is unanswered and unexpired) and returns its target, in one statement. */
export const answerCaptcha = (db: DbOrTx, captchaId: string, now: Date) =>
  db
    .updateTable('captcha')
    .set({ answeredAt: now })
    .where('id', '=', captchaId)
    .where('answeredAt', 'is', null)
    .where('expiresAt', '>', now)
    .returning('targetX')
    .executeTakeFirst();

export const setCaptchaToken = async (db: DbOrTx, captchaId: string, token: { tokenHash: string; tokenExpiresAt: Date }) => {
  await db.updateTable('captcha').set(token).where('id', '=', captchaId).execute();
};

/** Marks an unused, unexpired token used in one statement (so two requests can never both spend it); undefined when none. */
export const spendCaptchaToken = (db: DbOrTx, tokenHash: string, now: Date) =>
  db
    .updateTable('captcha')
    .set({ usedAt: now })
    .where('tokenHash', '=', tokenHash)
    .where('usedAt', 'is', null)
    .where('tokenExpiresAt', '>', now)
    .returning('id')
    .executeTakeFirst();

// Failure counters and locks (login_throttle).

export const findThrottleLockedUntil = (db: DbOrTx, key: string) =>
  db.selectFrom('loginThrottle').select('lockedUntil').where('key', '=', key).executeTakeFirst();

export const ensureLoginThrottle = async (db: DbOrTx, key: string, subjectKey: string, now: Date) => {
  await db
    .insertInto('loginThrottle')
    .values({ key, subjectKey, failureCount: 0, windowStartedAt: now, lockedUntil: null, updatedAt: now })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
};

/** The counter of `key`, held (FOR UPDATE) for the rest of the transaction; throws when it does not exist. */
export const findLoginThrottleForUpdate = (db: DbOrTx, key: string) =>
  db.selectFrom('loginThrottle').selectAll().where('key', '=', key).forUpdate().executeTakeFirstOrThrow();

export const updateLoginThrottle = async (
  db: DbOrTx,
  key: string,
  values: { failureCount: number; windowStartedAt: Date; lockedUntil: Date | null; updatedAt: Date },
) => {
  await db.updateTable('loginThrottle').set(values).where('key', '=', key).execute();
};

export const deleteLoginThrottlesOfSubject = async (db: DbOrTx, subjectKey: string) => {
  await db.deleteFrom('loginThrottle').where('subjectKey', '=', subjectKey).execute();
};

// Password-reset codes (verification_code).

/** When the person's codes of one purpose created after `since` were sent, newest first. */
export const findCodeTimesSince = (db: DbOrTx, personId: string, purpose: CodePurpose, since: Date) =>
  db
    .selectFrom('verificationCode')
    .select('createdAt')
    .where('personId', '=', personId)
    .where('purpose', '=', purpose)
    .where('createdAt', '>', since)
    .orderBy('createdAt', 'desc')
    .execute();

/** Marks every still-open code of the person for one purpose consumed (a new one replaces them). */
export const consumeOpenCodes = async (db: DbOrTx, personId: string, purpose: CodePurpose, now: Date) => {
  await db
    .updateTable('verificationCode')
    .set({ consumedAt: now })
    .where('personId', '=', personId)
    .where('purpose', '=', purpose)
    .where('consumedAt', 'is', null)
    .execute();
};

export const deleteVerificationCodesCreatedBefore = async (db: DbOrTx, personId: string, before: Date) => {
  await db.deleteFrom('verificationCode').where('personId', '=', personId).where('createdAt', '<', before).execute();
};

export const insertVerificationCode = async (
  db: DbOrTx,
  code: { personId: string; purpose: CodePurpose; channel: 'sms' | 'email'; codeHash: string; createdAt: Date; expiresAt: Date },
) => {
  await db
    .insertInto('verificationCode')
    .values({ ...code, consumedAt: null })
    .execute();
};

/** One try of the person's newest open code of the purpose, used up in one conditional UPDATE; undefined when none is left. */
export const spendCodeTry = (db: DbOrTx, personId: string, purpose: CodePurpose, now: Date, maxTries: number) => {
  const open = db
    .selectFrom('verificationCode')
    .select('id')
    .where('personId', '=', personId)
    .where('purpose', '=', purpose)
    .where('consumedAt', 'is', null)
    .where('expiresAt', '>', now)
    .orderBy('createdAt', 'desc')
    .limit(1);
  return db
    .updateTable('verificationCode')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', (eb) => eb.selectFrom(open.as('o')).select('o.id'))
    .where('attempts', '<', maxTries)
    .returning(['id', 'codeHash', 'attempts'])
    .executeTakeFirst();
};

/** Marks the code consumed unless it already was; undefined when it was. */
export const consumeVerificationCode = (db: DbOrTx, codeId: string, now: Date) =>
  db
    .updateTable('verificationCode')
    .set({ consumedAt: now })
    .where('id', '=', codeId)
    .where('consumedAt', 'is', null)
    .where('expiresAt', '>', now)
    .returning('id')
    .executeTakeFirst();
