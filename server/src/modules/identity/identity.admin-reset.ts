import { randomInt } from 'node:crypto';
import { maskIdNumber, type AdminResetResult } from '@cep/contracts';
import { loadProfile } from '@cep/profiles';
import type { AppContext } from '../../platform/context';
import { writeAudit, type AuditOrigin } from '../../platform/audit/audit';
import { auditActorOf, type Actor } from '../../platform/auth/actor';
import { hashPassword } from '../../platform/auth/passwords';
import { endSessionsOfPerson } from '../../platform/auth/sessions';
import { AppError } from '../../platform/errors/app-error';
import { hours } from '../../platform/clock';
import { changeLockKey, clearFailures, loginSubjectKey } from './identity.lockout';
import { setPassword } from '../people';
import { accountsForReset, findPersonById, orgWithRegion } from './identity.repository';
import { findPersonMfaForUpdate } from './identity.mfa.repository';
import { resetRefusal, type ResetRefusal } from './identity.policy';
import { removeMfa } from './identity.mfa';

/** Letters and digits that cannot be mistaken for one another when read out or copied by hand. */
const RANDOM_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

const containsPartOf = (value: string, idNumber: string) => {
  for (let i = 0; i + 4 <= idNumber.length; i++) if (value.includes(idNumber.slice(i, i + 4))) return true;
  return false;
};

/**
 * A one-time password of 10 characters with letters and digits both present (the seeds' policy) that holds
 * no four characters in a row of the person's ID number (SECURITY.md A9).
 */
export const randomTemporaryPassword = (idNumber: string): string => {
  for (;;) {
    const value = Array.from({ length: 10 }, () => RANDOM_ALPHABET[randomInt(RANDOM_ALPHABET.length)]).join('');
    if (/[A-Za-z]/.test(value) && /\d/.test(value) && !containsPartOf(value, idNumber)) return value;
  }
};

const refusalError = async (ctx: AppContext, refusal: ResetRefusal) => {
  switch (refusal.reason) {
    case 'NOT_FOUND':
      return new AppError('NOT_FOUND', '人员不存在或不在您的管理范围内');
    case 'SELF':
      return new AppError('FORBIDDEN', '不能重置自己的密码，请使用“修改密码”');
    case 'OWN_ORG_ADMIN':
      return new AppError('FORBIDDEN', '只有超级管理员可以重置本单位管理员的密码');
    case 'ACCOUNT_OUTSIDE_SCOPE': {
      const org = refusal.canResetOrgId ? await orgWithRegion(ctx.db, refusal.canResetOrgId) : undefined;
      const who = org ? org.orgName : '平台运维';
      return new AppError('FORBIDDEN', `该人员在您的管理范围之外还有账号，请联系${who}重置密码`, { details: { canResetOrgName: who } });
    }
  }
};

/** The person and the refusal, if any, of an admin reset: the audit row of a refusal is written here. */
const checkReset = async (ctx: AppContext, origin: AuditOrigin, actor: Actor, personId: string, event: string) => {
  const person = await findPersonById(ctx.db, personId);
  const refusal = resetRefusal(actor, personId, person ? await accountsForReset(ctx.db, person.id) : []);
  if (refusal || !person) {
    await writeAudit(ctx.db, ctx.clock, {
      event,
      outcome: 'failure',
      actor: auditActorOf(actor),
      origin,
      target: { type: 'person', id: personId },
      reason: refusal?.reason ?? 'NOT_FOUND',
    });
    throw await refusalError(ctx, refusal ?? { reason: 'NOT_FOUND' });
  }
  return person;
};

/**
 * Admin reset (seed 002, SECURITY.md T2): the profile's temporary password (the ID number's last six
 * characters, or a random one shown once to the admin), usable only to log in with a fresh slider and then
 * change it, for adminResetHours; all sessions end; the person is told by inbox and SMS.
 */
export const adminResetPassword = async (ctx: AppContext, origin: AuditOrigin, actor: Actor, personId: string): Promise<AdminResetResult> => {
  const person = await checkReset(ctx, origin, actor, personId, 'PASSWORD_RESET_BY_ADMIN');
  const mode = ctx.config.adminResetPassword ?? loadProfile(ctx.config.profile).adminResetPassword;
  const temporary = mode === 'random' ? randomTemporaryPassword(person.idNumber) : person.idNumber.slice(-6);
  const passwordHash = await hashPassword(temporary);
  const now = ctx.clock.now();
  const limit = ctx.config.adminResetHours;
  const expiresAt = new Date(now.getTime() + hours(limit));
  const what = mode === 'random' ? '一次性临时密码（请向该单位管理员当面索取）' : '身份证号后六位';
  await ctx.db.transaction().execute(async (tx) => {
    await setPassword(tx, person.id, { passwordHash, now, tempPasswordExpiresAt: expiresAt });
    await endSessionsOfPerson(tx, person.id);
    await clearFailures(tx, loginSubjectKey(ctx, person.idNumber));
    await clearFailures(tx, changeLockKey(ctx, person.id));
    const body = `您的登录密码已由${actor.orgName}管理员重置为${what}，请在${limit}小时内登录并修改密码。如非本人申请，请立即通过“忘记密码”找回并联系该单位。`;
    await ctx.notifier.send(tx, { channel: 'inbox', personId: person.id, subject: '登录密码已被重置', body });
    if (person.phone)
      await ctx.notifier.send(tx, { channel: 'sms', personId: person.id, destination: person.phone, subject: '登录密码已被重置', body });
    await writeAudit(tx, ctx.clock, {
      event: 'PASSWORD_RESET_BY_ADMIN',
      actor: auditActorOf(actor),
      origin,
      target: { type: 'person', id: person.id },
      detail: { idNumberMasked: maskIdNumber(person.idNumber), mode, expiresAt: expiresAt.toISOString() },
    });
  });
  const message =
    mode === 'random'
      ? `已生成一次性临时密码，仅显示这一次：请当面或电话告知本人，${limit}小时内有效，登录后须立即修改密码`
      : `密码已重置为该人员身份证号后六位，${limit}小时内有效，登录后须立即修改密码`;
  return { ok: true, expiresAt: expiresAt.toISOString(), message, temporaryPassword: mode === 'random' ? temporary : null };
};

/**
 * 重置动态口令: a super admin whose org's subtree holds every account of the person (their own org's other
 * admins, or the admins of orgs below) removes the person's authenticator; the next admin login enrols a new
 * one. Sessions end; the person is told.
 */
export const adminResetMfa = async (ctx: AppContext, origin: AuditOrigin, actor: Actor, personId: string) => {
  if (!actor.isSuperAdmin) throw new AppError('FORBIDDEN', '只有超级管理员可以重置动态口令');
  const person = await checkReset(ctx, origin, actor, personId, 'MFA_RESET');
  await ctx.db.transaction().execute(async (tx) => {
    const bound = await findPersonMfaForUpdate(tx, person.id);
    if (!bound) throw new AppError('INVALID_STATE', '该人员尚未绑定动态口令，无需重置');
    await removeMfa(ctx, tx, person.id);
    await endSessionsOfPerson(tx, person.id);
    const body = `您的管理员动态口令已由${actor.orgName}超级管理员重置，下次以管理员身份登录时请重新绑定身份验证器。如非本人申请，请立即联系该单位。`;
    await ctx.notifier.send(tx, { channel: 'inbox', personId: person.id, subject: '动态口令已被重置', body });
    if (person.phone)
      await ctx.notifier.send(tx, { channel: 'sms', personId: person.id, destination: person.phone, subject: '动态口令已被重置', body });
    await writeAudit(tx, ctx.clock, { event: 'MFA_RESET', actor: auditActorOf(actor), origin, target: { type: 'person', id: person.id } });
  });
  return { ok: true as const, message: '动态口令已重置，该人员下次以管理员身份登录时须重新绑定' };
};
