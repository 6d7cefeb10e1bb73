import { randomInt } from 'node:crypto';
import { maskDestination, type ContactChangeInput, type NewContact } from '@cep/contracts';
import type { Actor } from '../../platform/auth/actor';
import { auditActorOf } from '../../platform/auth/actor';
import { writeAudit, type AuditOrigin } from '../../platform/audit/audit';
import { minutes } from '../../platform/clock';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors/app-error';
import { setOwnContact } from '../people';
import { assertSendAllowed, checkCode, CODE_MINUTES, RESEND_SECONDS } from './identity.codes';
import { hmacKey } from './identity.rate-limit';
import { findPersonById } from './identity.repository';
import {
  consumeOpenCodes,
  consumeVerificationCode,
  deleteVerificationCodesCreatedBefore,
  insertVerificationCode,
} from './identity.throttle.repository';

const channelLabel = { phone: '手机号', email: '邮箱' } as const;
const transport = (c: NewContact['channel']) => (c === 'phone' ? ('sms' as const) : ('email' as const));

/** The code's HMAC binds the new contact: a code sent to one number cannot confirm another. */
const codeHash = (ctx: AppContext, personId: string, contact: NewContact, code: string) =>
  hmacKey(ctx.secret, `contact:${personId}:${contact.channel}:${contact.destination.toLowerCase()}:${code}`);

const current = (person: { phone: string | null; email: string | null }, c: NewContact) => (c.channel === 'phone' ? person.phone : person.email);

/** 基本信息修改, step 1: a 6-digit code goes to the new phone or e-mail (not the old one: it may be gone). */
export const sendContactCode = async (ctx: AppContext, actor: Actor, contact: NewContact, origin: AuditOrigin) => {
  const person = await findPersonById(ctx.db, actor.personId);
  if (!person) throw new AppError('UNAUTHENTICATED');
  if (current(person, contact)?.toLowerCase() === contact.destination.toLowerCase())
    throw new AppError('VALIDATION_FAILED', `新${channelLabel[contact.channel]}与当前${channelLabel[contact.channel]}相同`, {
      details: { field: 'destination' },
    });
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    await assertSendAllowed(ctx, tx, person.id, 'contact_change');
    await consumeOpenCodes(tx, person.id, 'contact_change', now);
    await deleteVerificationCodesCreatedBefore(tx, person.id, new Date(now.getTime() - 86_400_000));
    await insertVerificationCode(tx, {
      personId: person.id,
      purpose: 'contact_change',
      channel: transport(contact.channel),
      codeHash: codeHash(ctx, person.id, contact, code),
      createdAt: now,
      expiresAt: new Date(now.getTime() + minutes(CODE_MINUTES)),
    });
    const body = `您正在修改平台绑定的${channelLabel[contact.channel]}，验证码为${code}，${CODE_MINUTES}分钟内有效。如非本人操作，请忽略本消息。`;
    await ctx.notifier.send(tx, {
      channel: transport(contact.channel),
      personId: person.id,
      destination: contact.destination,
      subject: `修改${channelLabel[contact.channel]}验证码`,
      body,
      secret: code,
    });
    await writeAudit(tx, ctx.clock, {
      event: 'CONTACT_CHANGE_CODE',
      actor: auditActorOf(actor),
      origin,
      target: { type: 'person', id: person.id },
      detail: { channel: contact.channel, destination: maskDestination(contact.destination) },
    });
  });
  return {
    ok: true as const,
    destinationMasked: maskDestination(contact.destination) ?? '',
    expiresInSeconds: CODE_MINUTES * 60,
    resendAfterSeconds: RESEND_SECONDS,
  };
};

/**
 * 基本信息修改, step 2: the right code replaces the phone or e-mail at once (now the person's own, so 忘记密码 may use
 * it); the old one, where there was one, is told, in case someone else did it.
 */
export const changeContact = async (ctx: AppContext, actor: Actor, input: ContactChangeInput, origin: AuditOrigin) => {
  const contact: NewContact =
    input.channel === 'phone' ? { channel: 'phone', destination: input.destination } : { channel: 'email', destination: input.destination };
  const codeId = await checkCode(ctx, {
    personId: actor.personId,
    purpose: 'contact_change',
    hash: codeHash(ctx, actor.personId, contact, input.code),
  });
  const now = ctx.clock.now();
  const label = channelLabel[contact.channel];
  await ctx.db.transaction().execute(async (tx) => {
    if (!(await consumeVerificationCode(tx, codeId, now))) throw new AppError('CODE_INVALID', '验证码已失效，请重新获取');
    const person = await findPersonById(tx, actor.personId);
    const old = person ? current(person, contact) : null;
    await setOwnContact(tx, actor.personId, contact.channel === 'phone' ? { phone: contact.destination } : { email: contact.destination });
    const notice = `您在平台绑定的${label}已修改为${maskDestination(contact.destination)}。如非本人操作，请立即修改密码并联系单位管理员。`;
    if (old)
      await ctx.notifier.send(tx, {
        channel: transport(contact.channel),
        personId: actor.personId,
        destination: old,
        subject: `${label}已修改`,
        body: notice,
      });
    await ctx.notifier.send(tx, { channel: 'inbox', personId: actor.personId, subject: `${label}已修改`, body: notice });
    await writeAudit(tx, ctx.clock, {
      event: 'CONTACT_CHANGED',
      actor: auditActorOf(actor),
      origin,
      target: { type: 'person', id: actor.personId },
      detail: { channel: contact.channel, from: maskDestination(old), to: maskDestination(contact.destination) },
    });
  });
  return { ok: true as const, message: `${label}已修改` };
};
