import type { AppContext } from '../../platform/context';
import type { DbOrTx, Tx } from '../../platform/db/database';
import { minutes } from '../../platform/clock';
import { AppError } from '../../platform/errors/app-error';
import { hmacKey, sourceOf } from './identity.rate-limit';
import {
  deleteLoginThrottlesOfSubject,
  ensureLoginThrottle,
  findLoginThrottleForUpdate,
  findThrottleLockedUntil,
  updateLoginThrottle,
} from './identity.throttle.repository';
import { lockUntilCommit } from '../../platform/db/locks';

/**
 * The two failure counters of a login ID (keyed hashes, so the table never holds ID numbers, and unknown
 * IDs count like known ones): `source` is the ID from one address, which locks after a few failures;
 * `subject` is the ID from every address, which locks only after many, so one source cannot lock a
 * person out everywhere (SECURITY.md T7).
 */
export type LoginThrottle = { subject: string; source: string };

/** The ID's own counter key; clearing it clears the counters of every source too. */
export const loginSubjectKey = (ctx: AppContext, idNumber: string) => hmacKey(ctx.secret, `login:${idNumber}`);

export const loginThrottleOf = (ctx: AppContext, idNumber: string, ip: string | null | undefined): LoginThrottle => ({
  subject: loginSubjectKey(ctx, idNumber),
  source: hmacKey(ctx.secret, `login:${idNumber}@${sourceOf(ip)}`),
});

/**
 * Queues the attempts on one key for the rest of the transaction (a transaction-scoped advisory lock): tries
 * sent at once are checked and counted one after another, so each sees the lock the one before it set.
 */
export const serializeAttempts = async (tx: Tx, key: string) => {
  await lockUntilCommit(tx, key);
};

/** Counter key of the change-password step of one person (kept apart so a session cannot lock the login). */
export const changeLockKey = (ctx: AppContext, personId: string) => hmacKey(ctx.secret, `change:${personId}`);

/** Seconds until the lock on `key` ends, or 0 when it is not locked. */
export const lockedForSeconds = async (ctx: AppContext, db: DbOrTx, key: string) => {
  const row = await findThrottleLockedUntil(db, key);
  const now = ctx.clock.now().getTime();
  if (!row?.lockedUntil || row.lockedUntil.getTime() <= now) return 0;
  return Math.ceil((row.lockedUntil.getTime() - now) / 1000);
};

export const lockedError = (retryAfterSeconds: number) =>
  new AppError('ACCOUNT_LOCKED', undefined, {
    headers: { 'Retry-After': String(retryAfterSeconds) },
    details: { retryAfterSeconds, forgotUrl: '/forgot-password' },
  });

/** Seconds until this source may try the ID again (the longer of its own lock and the ID's), or 0. */
export const loginLockedForSeconds = async (ctx: AppContext, db: DbOrTx, throttle: LoginThrottle) =>
  Math.max(await lockedForSeconds(ctx, db, throttle.source), await lockedForSeconds(ctx, db, throttle.subject));

export const assertNotLocked = async (ctx: AppContext, db: DbOrTx, key: string) => {
  const seconds = await lockedForSeconds(ctx, db, key);
  if (seconds > 0) throw lockedError(seconds);
};

/**
 * Counts one failure in a fixed window that starts at the first failure. The failure that reaches `max`
 * sets the lock and starts a fresh window, so the lock lasts lockMinutes and is never extended.
 */
const countFailure = async (ctx: AppContext, tx: Tx, key: string, options: { max: number; subject: string }) => {
  const { windowMinutes, lockMinutes } = ctx.config.lockout;
  const now = ctx.clock.now();
  await ensureLoginThrottle(tx, key, options.subject, now);
  const row = await findLoginThrottleForUpdate(tx, key);
  // A failure while the key is locked changes nothing: the lock is neither extended nor counted twice.
  if (row.lockedUntil && row.lockedUntil > now) return { lockedNow: false, remainingAttempts: 0 };
  const windowOver = now.getTime() - row.windowStartedAt.getTime() > minutes(windowMinutes);
  const count = windowOver ? 1 : row.failureCount + 1;
  const lockedNow = count >= options.max;
  await updateLoginThrottle(tx, key, {
    failureCount: lockedNow ? 0 : count,
    windowStartedAt: windowOver || lockedNow ? now : row.windowStartedAt,
    lockedUntil: lockedNow ? new Date(now.getTime() + minutes(lockMinutes)) : row.lockedUntil,
    updatedAt: now,
  });
  return { lockedNow, remainingAttempts: lockedNow ? 0 : options.max - count };
};

/** One wrong password (or unknown ID) for this ID from this source: counts on both counters. */
export const recordLoginFailure = async (ctx: AppContext, tx: Tx, throttle: LoginThrottle) => {
  const { maxFailures, maxFailuresPerAccount } = ctx.config.lockout;
  const source = await countFailure(ctx, tx, throttle.source, { max: maxFailures, subject: throttle.subject });
  const subject = await countFailure(ctx, tx, throttle.subject, { max: maxFailuresPerAccount, subject: throttle.subject });
  return { lockedNow: source.lockedNow || subject.lockedNow, remainingAttempts: Math.min(source.remainingAttempts, subject.remainingAttempts) };
};

/** One wrong secret at a step of its own (修改密码's old password, the second factor): its own counter, never the login's. */
export const recordStepFailure = (ctx: AppContext, tx: Tx, key: string) =>
  countFailure(ctx, tx, key, { max: ctx.config.lockout.maxFailures, subject: key });

/** Clears every counter of an ID (all sources), or the counter `key` of the change step. */
export const clearFailures = async (db: DbOrTx, subjectKey: string) => {
  await deleteLoginThrottlesOfSubject(db, subjectKey);
};
