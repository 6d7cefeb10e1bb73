import { randomInt } from 'node:crypto';
import { maskDestination, type ForgotPasswordResetInput, type ForgotPasswordSendInput } from '@cep/contracts';
import type { AppContext } from '../../platform/context';
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
  consumeOpenCodes,
  consumeVerificationCode,
  deleteVerificationCodesCreatedBefore,
  insertVerificationCode,
} from './identity.throttle.repository';
import { assertSendAllowed, checkCode, CODE_MINUTES, RESEND_SECONDS } from './identity.codes';
import { assertPasswordPolicy } from '../../platform/auth/password-policy';

const CONTACT_MISMATCH = '手机号/邮箱与注册信息不一致';
const CONTACT_UNCONFIRMED = '该手机号/邮箱由单位管理员代为填写，未经本人确认，不能用于找回密码，请联系单位管理员重置密码';

const codeHash = (ctx: AppContext, personId: string, code: string) => hmacKey(ctx.secret, `reset:${personId}:${code}`);

const contactMatches = (person: PersonRow, channel: 'phone' | 'email', contact: string) =>
  channel === 'phone' ? person.phone === contact : Boolean(person.email) && person.email!.toLowerCase() === contact.toLowerCase();

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
    await assertSendAllowed(ctx, tx, person.id, 'password_reset');
    await consumeOpenCodes(tx, person.id, 'password_reset', now);
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

/** 忘记密码, step 2: a right code sets the new password, ends every session and lifts a login lock. */
export const resetWithCode = async (ctx: AppContext, origin: AuditOrigin, input: ForgotPasswordResetInput) => {
  await hitRateLimit(ctx, { bucket: 'forgot-reset', key: origin.ip ?? '', limit: ctx.config.rateLimits.loginPerIpPerMinute, origin });
  const person = await findPersonByIdNumber(ctx.db, input.idNumber);
  assertPasswordPolicy(input.newPassword, { idNumber: input.idNumber, phone: person?.phone ?? null });
  if (!person) throw new AppError('CODE_INVALID');
  const codeId = await checkCode(ctx, { personId: person.id, purpose: 'password_reset', hash: codeHash(ctx, person.id, input.code) });
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
