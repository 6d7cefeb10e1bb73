import { randomInt } from 'node:crypto';
import { maskDestination, type ForgotPasswordResetInput, type ForgotPasswordSendInput } from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import type { Tx } from '../../platform/db/database';
import { lockUntilCommit } from '../../platform/db/locks';
import { writeAudit, type AuditOrigin } from '../../platform/audit/audit';
import { hashPassword } from '../../platform/auth/passwords';
import { endSessionsOfPerson } from '../../platform/auth/sessions';
import { AppError } from '../../platform/errors/app-error';
import { minutes } from '../../platform/clock';
import { consumeCaptchaToken } from './identity.captcha';
import { hitRateLimit, hmacKey } from './identity.rate-limit';
import { changeLockKey, clearFailures, loginSubjectKey } from './identity.lockout';
import { setPassword } from '../people';
import { findPersonByIdNumber, type PersonRow } from './identity.repository';
import {
  consumeOpenResetCodes,
  consumeVerificationCode,
  deleteVerificationCodesCreatedBefore,
  findResetCodeTimesSince,
  insertVerificationCode,
  spendResetCodeTry,
} from './identity.throttle.repository';
import { assertPasswordPolicy } from '../../platform/auth/password-policy';

const CODE_MINUTES = 10;
const CODE_TRIES = 5;
const RESEND_SECONDS = 60;
const CODES_PER_DAY = 10;
const CONTACT_MISMATCH = '手机号/邮箱与注册信息不一致';
const CONTACT_UNCONFIRMED = '该手机号/邮箱由单位管理员代为填写，未经本人确认，不能用于找回密码，请联系单位管理员重置密码';

const codeHash = (ctx: AppContext, personId: string, code: string) => hmacKey(ctx.secret, `reset:${personId}:${code}`);

const contactMatches = (person: PersonRow, channel: 'phone' | 'email', contact: string) =>
  channel === 'phone' ? person.phone === contact : Boolean(person.email) && person.email!.toLowerCase() === contact.toLowerCase();

/**
 * One code per 60 s and at most 10 a day per person, counted from the codes already sent. Called in the sending
 * transaction with the person's sends queued on a lock, so two requests sent at once cannot both pass.
 */
const assertSendAllowed = async (ctx: AppContext, tx: Tx, personId: string) => {
  await lockUntilCommit(tx, `reset-code:${personId}`);
  const now = ctx.clock.now().getTime();
  const recent = await findResetCodeTimesSince(tx, personId, new Date(now - 86_400_000));
  const wait = recent[0] ? Math.ceil((recent[0].createdAt.getTime() + RESEND_SECONDS * 1000 - now) / 1000) : 0;
  const retryAfter = wait > 0 ? wait : recent.length >= CODES_PER_DAY ? 3600 : 0;
  if (retryAfter > 0) {
    const message = wait > 0 ? `验证码已发送，请${wait}秒后再试` : '今日验证码发送次数已达上限，请明天再试';
    throw new AppError('RATE_LIMITED', message, { headers: { 'Retry-After': String(retryAfter) }, details: { retryAfterSeconds: retryAfter } });
  }
};

/** 忘记密码, step 1: the contact must be the one registered for the ID; a 6-digit code goes to it. */
export const sendResetCode = async (ctx: AppContext, origin: AuditOrigin, input: ForgotPasswordSendInput) => {
  await hitRateLimit(ctx, { bucket: 'forgot', key: origin.ip ?? '', limit: ctx.config.rateLimits.loginPerIpPerMinute, origin });
  if (!(await consumeCaptchaToken(ctx, input.captchaToken))) throw new AppError('CAPTCHA_INVALID');
  const person = await findPersonByIdNumber(ctx.db, input.idNumber);
  if (!person || !contactMatches(person, input.channel, input.contact)) {
    await writeAudit(ctx.db, ctx.clock, {
      event: 'PASSWORD_RESET_CODE',
      outcome: 'failure',
      origin,
      reason: 'CONTACT_MISMATCH',
      target: person ? { type: 'person', id: person.id } : null,
    });
    throw new AppError('VALIDATION_FAILED', CONTACT_MISMATCH, { details: { field: 'contact' } });
  }
  if (!person.contactsConfirmed) {
    await writeAudit(ctx.db, ctx.clock, {
      event: 'PASSWORD_RESET_CODE',
      outcome: 'failure',
      origin,
      reason: 'CONTACT_UNCONFIRMED',
      target: { type: 'person', id: person.id },
    });
    throw new AppError('VALIDATION_FAILED', CONTACT_UNCONFIRMED, { details: { field: 'contact' } });
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const now = ctx.clock.now();
  const channel = input.channel === 'phone' ? ('sms' as const) : ('email' as const);
  await ctx.db.transaction().execute(async (tx) => {
    await assertSendAllowed(ctx, tx, person.id);
    await consumeOpenResetCodes(tx, person.id, now);
    await deleteVerificationCodesCreatedBefore(tx, person.id, new Date(now.getTime() - 86_400_000));
    await insertVerificationCode(tx, {
      personId: person.id,
      purpose: 'password_reset',
      channel,
      codeHash: codeHash(ctx, person.id, code),
      createdAt: now,
      expiresAt: new Date(now.getTime() + minutes(CODE_MINUTES)),
    });
    const body = `您正在找回平台登录密码，验证码为${code}，${CODE_MINUTES}分钟内有效。如非本人操作，请忽略本消息。`;
    await ctx.notifier.send(tx, { channel, personId: person.id, destination: input.contact, subject: '找回密码验证码', body, secret: code });
    await writeAudit(tx, ctx.clock, {
      event: 'PASSWORD_RESET_CODE',
      origin,
      target: { type: 'person', id: person.id },
      detail: { channel, destination: maskDestination(input.contact) },
    });
  });
  return {
    ok: true as const,
    destinationMasked: maskDestination(input.contact) ?? '',
    expiresInSeconds: CODE_MINUTES * 60,
    resendAfterSeconds: RESEND_SECONDS,
  };
};

/**
 * Checks the person's open code. Every check uses up one of its five tries first, in one conditional UPDATE,
 * so tries sent at once cannot all see the same count; a right code then goes on to the reset.
 */
const checkCode = async (ctx: AppContext, person: PersonRow | undefined, code: string) => {
  if (!person) throw new AppError('CODE_INVALID');
  const now = ctx.clock.now();
  const tried = await spendResetCodeTry(ctx.db, person.id, now, CODE_TRIES);
  if (!tried) throw new AppError('CODE_INVALID', '验证码已失效，请重新获取');
  if (tried.codeHash === codeHash(ctx, person.id, code)) return tried.id;
  const remaining = Math.max(0, CODE_TRIES - tried.attempts);
  throw new AppError('CODE_INVALID', remaining > 0 ? `验证码错误，还可尝试${remaining}次` : '验证码错误次数过多，请重新获取', {
    details: { remainingAttempts: remaining },
  });
};

/** 忘记密码, step 2: a right code sets the new password, ends every session and lifts a login lock. */
export const resetWithCode = async (ctx: AppContext, origin: AuditOrigin, input: ForgotPasswordResetInput) => {
  await hitRateLimit(ctx, { bucket: 'forgot-reset', key: origin.ip ?? '', limit: ctx.config.rateLimits.loginPerIpPerMinute, origin });
  const person = await findPersonByIdNumber(ctx.db, input.idNumber);
  assertPasswordPolicy(input.newPassword, { idNumber: input.idNumber, phone: person?.phone ?? null });
  const codeId = await checkCode(ctx, person, input.code);
  const passwordHash = await hashPassword(input.newPassword);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    const used = await consumeVerificationCode(tx, codeId, now);
    if (!used) throw new AppError('CODE_INVALID', '验证码已失效，请重新获取');
    await setPassword(tx, person!.id, { passwordHash, now, tempPasswordExpiresAt: null });
    await endSessionsOfPerson(tx, person!.id);
    await clearFailures(tx, loginSubjectKey(ctx, person!.idNumber));
    await clearFailures(tx, changeLockKey(ctx, person!.id));
    await ctx.notifier.send(tx, {
      channel: 'inbox',
      personId: person!.id,
      subject: '登录密码已找回',
      body: '您已通过验证码重设登录密码，所有设备上的登录已退出。如非本人操作，请立即联系单位管理员。',
    });
    await writeAudit(tx, ctx.clock, {
      event: 'PASSWORD_RESET_SELF',
      actor: { personId: person!.id },
      origin,
      target: { type: 'person', id: person!.id },
    });
  });
  return { ok: true as const };
};
