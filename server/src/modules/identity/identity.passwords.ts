import type { FastifyRequest } from 'fastify';
import { maskIdNumber, type ChangePasswordInput } from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { writeAudit } from '../../platform/audit/audit';
import { auditActorOf, originOf, type Actor } from '../../platform/auth/actor';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords';
import { endSessionsOfPerson } from '../../platform/auth/sessions';
import { AppError } from '../../platform/errors/app-error';
import { hours } from '../../platform/clock';
import { assertNotLocked, changeLockKey, clearFailures, loginSubjectKey, recordChangeFailure } from './identity.lockout';
import { findPersonById, setPassword } from './identity.repository';
import { assertPasswordPolicy, resetRefusal } from './identity.policy';

/** Counts a wrong old password under the change-password key (not the login key) and refuses. */
const refuseOldPassword = async (ctx: AppContext, req: FastifyRequest, actor: Actor): Promise<never> => {
  const remaining = await ctx.db.transaction().execute(async (tx) => {
    await writeAudit(tx, ctx.clock, {
      event: 'PASSWORD_CHANGE', outcome: 'failure', actor: auditActorOf(actor), origin: originOf(req), reason: 'WRONG_PASSWORD',
    });
    return (await recordChangeFailure(ctx, tx, changeLockKey(ctx, actor.personId))).remainingAttempts;
  });
  throw new AppError('WRONG_PASSWORD', '原密码错误，请重新输入', { details: { field: 'oldPassword', remainingAttempts: remaining } });
};

/** 修改密码: needs the old password; ends the person's other sessions and tells them by inbox message. */
export const changePassword = async (ctx: AppContext, req: FastifyRequest, actor: Actor, input: ChangePasswordInput) => {
  const lockKey = changeLockKey(ctx, actor.personId);
  await assertNotLocked(ctx, ctx.db, lockKey);
  const person = await findPersonById(ctx.db, actor.personId);
  if (!person) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(person.passwordHash, input.oldPassword))) await refuseOldPassword(ctx, req, actor);
  assertPasswordPolicy(input.newPassword, person);
  if (input.newPassword === input.oldPassword) throw new AppError('PASSWORD_POLICY', '新密码不能与原密码相同');
  const passwordHash = await hashPassword(input.newPassword);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    await setPassword(tx, person.id, { passwordHash, now, tempPasswordExpiresAt: null });
    await endSessionsOfPerson(tx, person.id, actor.sessionId);
    await clearFailures(tx, lockKey);
    await ctx.notifier.send(tx, {
      channel: 'inbox', personId: person.id, subject: '登录密码已修改',
      body: '您的登录密码已修改，其他设备上的登录已退出。如非本人操作，请立即通过“忘记密码”找回并联系单位管理员。',
    });
    await writeAudit(tx, ctx.clock, {
      event: 'PASSWORD_CHANGE', actor: auditActorOf(actor), origin: originOf(req), target: { type: 'person', id: person.id },
      reason: person.mustChangePassword ? 'AFTER_ADMIN_RESET' : null,
    });
  });
  return { ok: true as const };
};

const targetAccounts = (ctx: AppContext, personId: string) =>
  ctx.db
    .selectFrom('account as a')
    .innerJoin('org as o', 'o.id', 'a.orgId')
    .select(['a.kind', 'a.orgId', 'o.path as orgPath'])
    .where('a.personId', '=', personId)
    .where('a.status', 'in', ['active', 'pending', 'disabled'])
    .execute();

/**
 * Admin reset (seed 002, SECURITY.md T2): the password becomes the ID number's last six characters,
 * usable only for the change-password step and only for adminResetHours; all sessions end.
 */
export const adminResetPassword = async (ctx: AppContext, req: FastifyRequest, actor: Actor, personId: string) => {
  const person = await findPersonById(ctx.db, personId);
  const refusal = resetRefusal(actor, personId, person ? await targetAccounts(ctx, person.id) : []);
  if (refusal || !person) {
    await writeAudit(ctx.db, ctx.clock, {
      event: 'PASSWORD_RESET_BY_ADMIN', outcome: 'failure', actor: auditActorOf(actor), origin: originOf(req),
      target: { type: 'person', id: personId }, reason: refusal?.code ?? 'NOT_FOUND',
    });
    throw refusal ?? new AppError('NOT_FOUND');
  }
  const passwordHash = await hashPassword(person.idNumber.slice(-6));
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + hours(ctx.config.adminResetHours));
  await ctx.db.transaction().execute(async (tx) => {
    await setPassword(tx, person.id, { passwordHash, now, tempPasswordExpiresAt: expiresAt });
    await endSessionsOfPerson(tx, person.id);
    await clearFailures(tx, loginSubjectKey(ctx, person.idNumber));
    const body = `您的登录密码已由${actor.orgName}管理员重置为身份证号后六位，请在${ctx.config.adminResetHours}小时内登录并修改密码。如非本人申请，请立即联系该单位。`;
    await ctx.notifier.send(tx, { channel: 'inbox', personId: person.id, subject: '登录密码已被重置', body });
    if (person.phone) await ctx.notifier.send(tx, { channel: 'sms', personId: person.id, destination: person.phone, subject: '登录密码已被重置', body });
    await writeAudit(tx, ctx.clock, {
      event: 'PASSWORD_RESET_BY_ADMIN', actor: auditActorOf(actor), origin: originOf(req), target: { type: 'person', id: person.id },
      detail: { idNumberMasked: maskIdNumber(person.idNumber), expiresAt: expiresAt.toISOString() },
    });
  });
  const message = `密码已重置为该人员身份证号后六位，${ctx.config.adminResetHours}小时内有效，登录后须立即修改密码`;
  return { ok: true as const, expiresAt: expiresAt.toISOString(), message };
};
