import type { AppContext } from '../../platform/context';
import type { DbOrTx, Tx } from '../../platform/db/database';
import { minutes } from '../../platform/clock';
import { AppError } from '../../platform/errors/app-error';
import { hmacKey } from './identity.rate-limit';

/** Counter key of a login ID: a keyed hash, so the table never holds ID numbers and unknown IDs count too. */
export const loginLockKey = (ctx: AppContext, idNumber: string) => hmacKey(ctx.secret, `login:${idNumber}`);

/** Counter key of the change-password step of one person (kept apart so a session cannot lock the login). */
export const changeLockKey = (ctx: AppContext, personId: string) => hmacKey(ctx.secret, `change:${personId}`);

/** Seconds until the lock on `key` ends, or 0 when it is not locked. */
export const lockedForSeconds = async (ctx: AppContext, db: DbOrTx, key: string) => {
  const row = await db.selectFrom('loginThrottle').select('lockedUntil').where('key', '=', key).executeTakeFirst();
  const now = ctx.clock.now().getTime();
  if (!row?.lockedUntil || row.lockedUntil.getTime() <= now) return 0;
  return Math.ceil((row.lockedUntil.getTime() - now) / 1000);
};

export const lockedError = (retryAfterSeconds: number) =>
  new AppError('ACCOUNT_LOCKED', undefined, {
    headers: { 'Retry-After': String(retryAfterSeconds) },
    details: { retryAfterSeconds, forgotUrl: '/forgot-password' },
  });

/** Throws ACCOUNT_LOCKED (429 + Retry-After) while `key` is locked. */
export const assertNotLocked = async (ctx: AppContext, db: DbOrTx, key: string) => {
  const seconds = await lockedForSeconds(ctx, db, key);
  if (seconds > 0) throw lockedError(seconds);
};

/**
 * Counts one failure in a fixed window that starts at the first failure. The failure that reaches the
 * maximum sets the lock and starts a fresh window, so the lock lasts lockMinutes and is never extended.
 */
export const recordFailure = async (ctx: AppContext, tx: Tx, key: string) => {
  const { maxFailures, windowMinutes, lockMinutes } = ctx.config.lockout;
  const now = ctx.clock.now();
  await tx
    .insertInto('loginThrottle')
    .values({ key, failureCount: 0, windowStartedAt: now, lockedUntil: null, updatedAt: now })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await tx.selectFrom('loginThrottle').selectAll().where('key', '=', key).forUpdate().executeTakeFirstOrThrow();
  const windowOver = now.getTime() - row.windowStartedAt.getTime() > minutes(windowMinutes);
  const count = windowOver ? 1 : row.failureCount + 1;
  const lockedNow = count >= maxFailures;
  await tx
    .updateTable('loginThrottle')
    .set({
      failureCount: lockedNow ? 0 : count,
      windowStartedAt: windowOver || lockedNow ? now : row.windowStartedAt,
      lockedUntil: lockedNow ? new Date(now.getTime() + minutes(lockMinutes)) : row.lockedUntil,
      updatedAt: now,
    })
    .where('key', '=', key)
    .execute();
  return { lockedNow, remainingAttempts: lockedNow ? 0 : maxFailures - count };
};

export const clearFailures = async (db: DbOrTx, key: string) => {
  await db.deleteFrom('loginThrottle').where('key', '=', key).execute();
};
