import { createCipheriv, createDecipheriv, createHash, randomBytes, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import type { MfaEnrolled, MfaEnrollment, MfaStep } from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import type { DbOrTx, Tx } from '../../platform/db/database';
import { writeAudit, type AuditOrigin } from '../../platform/audit/audit';
import { completeSecondFactor } from '../../platform/auth/sessions';
import { auditActorOf, type Actor } from '../../platform/auth/actor';
import { AppError } from '../../platform/errors/app-error';
import { clearFailures, lockedError, lockedForSeconds, recordStepFailure, serializeAttempts } from './identity.lockout';
import { hmacKey } from './identity.rate-limit';
import {
  advanceMfaLastUsedStep,
  confirmPersonMfa,
  deletePersonMfa,
  deleteRecoveryCodes,
  findPersonMfa,
  insertConfirmedMfaIfAbsent,
  insertRecoveryCodes,
  spendRecoveryCode,
  upsertUnconfirmedMfaSecret,
} from './identity.mfa.repository';

const PERIOD_SECONDS = 30;
const RECOVERY_CODES = 10;
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const MFA_ISSUER = '继续教育平台';

/** The key the authenticator secrets are sealed with (AES-256-GCM), derived from the deployment's secret. */
const keyOf = (ctx: AppContext) => createHash('sha256').update(`mfa:${ctx.secret}`).digest();

export const sealSecret = (ctx: AppContext, base32: string) => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(ctx), iv);
  const sealed = Buffer.concat([cipher.update(base32, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
};

const openSecret = (ctx: AppContext, sealed: string) => {
  const raw = Buffer.from(sealed, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(ctx), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
};

const totpOf = (base32: string, label = '') =>
  new TOTP({ issuer: MFA_ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS, secret: Secret.fromBase32(base32) });

const stepAt = (ctx: AppContext) => Math.floor(ctx.clock.now().getTime() / 1000 / PERIOD_SECONDS);

/** The step a 6-digit code belongs to (this one, the one before or the one after), or null when it matches none. */
const stepOfCode = (ctx: AppContext, base32: string, code: string) => {
  const delta = totpOf(base32).validate({ token: code, timestamp: ctx.clock.now().getTime(), window: 1 });
  return delta === null ? null : stepAt(ctx) + delta;
};

const recoveryHash = (ctx: AppContext, personId: string, code: string) =>
  hmacKey(ctx.secret, `recovery:${personId}:${code.replace('-', '').toLowerCase()}`);

const newRecoveryCode = () => {
  const pick = () => Array.from({ length: 4 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
  return `${pick()}-${pick()}`;
};

const mfaLockKey = (ctx: AppContext, personId: string) => hmacKey(ctx.secret, `mfa:${personId}`);

/** What a new session of this account still has to do: admins verify a code, or enrol first; professionals nothing. */
export const mfaStepOf = async (db: DbOrTx, personId: string, accountKind: 'professional' | 'admin'): Promise<MfaStep | null> => {
  if (accountKind !== 'admin') return null;
  return (await findPersonMfa(db, personId))?.confirmedAt ? 'verify' : 'enroll';
};

const requireStep = (actor: Actor, step: MfaStep) => {
  if (actor.mfaStep !== step) throw new AppError('INVALID_STATE', step === 'enroll' ? '您已绑定动态口令，无需重复绑定' : '当前无需验证动态口令');
};

/** 绑定动态口令, step 1: a fresh secret for this person (replacing an unconfirmed one), as a QR code and as text. */
export const startEnrollment = async (ctx: AppContext, actor: Actor): Promise<MfaEnrollment> => {
  requireStep(actor, 'enroll');
  const secret = new Secret({ size: 20 }).base32;
  const now = ctx.clock.now();
  await upsertUnconfirmedMfaSecret(ctx.db, actor.personId, sealSecret(ctx, secret), now);
  const otpauthUrl = totpOf(secret, actor.personName).toString();
  return { secret, otpauthUrl, qrCode: await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 220 }) };
};

/** Counts a wrong code toward the second factor's own lock (5 in 15 minutes lock it for 15 minutes); returns the refusal. */
const refuseCode = async (tx: Tx, ctx: AppContext, origin: AuditOrigin, actor: Actor, event: string) => {
  await writeAudit(tx, ctx.clock, { event, outcome: 'failure', actor: auditActorOf(actor), origin, reason: 'CODE_INVALID' });
  const { remainingAttempts } = await recordStepFailure(ctx, tx, mfaLockKey(ctx, actor.personId));
  return new AppError('CODE_INVALID', '动态口令错误或已使用，请输入身份验证器上最新的6位数字', { details: { remainingAttempts } });
};

/**
 * Runs one code check of this person's second factor at a time (tries sent at once queue, so the lock holds
 * after five), refusing while it is locked. `check` returns null when the code passed, or the refusal to throw
 * once the transaction (with its counted failure) has committed.
 */
const oneCheckAtATime = async (ctx: AppContext, actor: Actor, check: (tx: Tx) => Promise<AppError | null>) => {
  const refusal = await ctx.db.transaction().execute(async (tx) => {
    const key = mfaLockKey(ctx, actor.personId);
    await serializeAttempts(tx, key);
    const locked = await lockedForSeconds(ctx, tx, key);
    return locked > 0 ? lockedError(locked) : check(tx);
  });
  if (refusal) throw refusal;
};

/** Accepts the code's step once: a concurrent or later use of the same or an earlier step finds no row to move. */
const useStep = async (tx: Tx, personId: string, step: number) => Boolean(await advanceMfaLastUsedStep(tx, personId, step));

/** 绑定动态口令, step 2: the first code proves the authenticator; ten recovery codes are made and shown once. */
export const confirmEnrollment = async (ctx: AppContext, origin: AuditOrigin, actor: Actor, code: string): Promise<Omit<MfaEnrolled, 'session'>> => {
  requireStep(actor, 'enroll');
  const recoveryCodes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
  await oneCheckAtATime(ctx, actor, async (tx) => {
    const mfa = await findPersonMfa(tx, actor.personId);
    if (!mfa || mfa.confirmedAt) return new AppError('INVALID_STATE', '请先获取二维码后再绑定');
    const step = /^\d{6}$/.test(code) ? stepOfCode(ctx, openSecret(ctx, mfa.secretEnc), code) : null;
    if (step === null || !(await useStep(tx, actor.personId, step))) return refuseCode(tx, ctx, origin, actor, 'MFA_ENROLL');
    await confirmPersonMfa(tx, actor.personId, ctx.clock.now());
    await deleteRecoveryCodes(tx, actor.personId);
    await insertRecoveryCodes(
      tx,
      actor.personId,
      recoveryCodes.map((c) => recoveryHash(ctx, actor.personId, c)),
    );
    await completeSecondFactor(tx, actor.sessionId);
    await clearFailures(tx, mfaLockKey(ctx, actor.personId));
    await writeAudit(tx, ctx.clock, { event: 'MFA_ENROLL', actor: auditActorOf(actor), origin, target: { type: 'person', id: actor.personId } });
    return null;
  });
  return { recoveryCodes };
};

/** Spends one recovery code, in one statement, so two requests can never both use it. */
const useRecoveryCode = async (tx: Tx, ctx: AppContext, personId: string, code: string) =>
  Boolean(await spendRecoveryCode(tx, personId, recoveryHash(ctx, personId, code), ctx.clock.now()));

/** 动态口令验证: a fresh code (each 30-second code counts once) or an unused recovery code completes the login. */
export const verifyMfa = async (ctx: AppContext, origin: AuditOrigin, actor: Actor, code: string) => {
  requireStep(actor, 'verify');
  await oneCheckAtATime(ctx, actor, async (tx) => {
    const mfa = await findPersonMfa(tx, actor.personId);
    if (!mfa?.confirmedAt) return new AppError('INVALID_STATE', '尚未绑定动态口令');
    const isTotp = /^\d{6}$/.test(code);
    const step = isTotp ? stepOfCode(ctx, openSecret(ctx, mfa.secretEnc), code) : null;
    const ok = isTotp ? step !== null && (await useStep(tx, actor.personId, step)) : await useRecoveryCode(tx, ctx, actor.personId, code);
    if (!ok) return refuseCode(tx, ctx, origin, actor, 'MFA_VERIFY');
    await completeSecondFactor(tx, actor.sessionId);
    await clearFailures(tx, mfaLockKey(ctx, actor.personId));
    await writeAudit(tx, ctx.clock, {
      event: 'MFA_VERIFY',
      actor: auditActorOf(actor),
      origin,
      target: { type: 'person', id: actor.personId },
      detail: { method: isTotp ? 'totp' : 'recoveryCode' },
    });
    return null;
  });
};

/** Removes a person's authenticator and recovery codes; the next admin login enrols a new one. */
export const removeMfa = async (ctx: AppContext, tx: Tx, personId: string) => {
  await deleteRecoveryCodes(tx, personId);
  await deletePersonMfa(tx, personId);
  // A new authenticator starts with a clean count: no lock carried over from wrong codes typed for the old one.
  await clearFailures(tx, mfaLockKey(ctx, personId));
};

/** Binds a known secret without a code: only for the demo's admins, whose secret is printed at start. */
export const bindDemoAuthenticator = async (ctx: AppContext, db: DbOrTx, personId: string, base32: string) => {
  await insertConfirmedMfaIfAbsent(db, { personId, secretEnc: sealSecret(ctx, base32), confirmedAt: ctx.clock.now(), createdAt: ctx.clock.now() });
};
