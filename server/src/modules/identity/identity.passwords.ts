import type { ChangePasswordInput } from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { writeAudit, type AuditOrigin } from '../../platform/audit/audit';
import { auditActorOf, type Actor } from '../../platform/auth/actor';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords';
import { endSessionsOfPerson } from '../../platform/auth/sessions';
import { AppError } from '../../platform/errors/app-error';
import { changeLockKey, clearFailures, lockedError, lockedForSeconds, recordStepFailure, serializeAttempts } from './identity.lockout';
import { setPassword } from '../people';
import { findPersonById } from './identity.repository';
import { assertPasswordPolicy } from '../../platform/auth/password-policy';

/** Checks the old password, one try of this person at a time; a wrong one counts under the change step's own key. */
const checkOldPassword = async (ctx: AppContext, origin: AuditOrigin, actor: Actor, oldPassword: string) => {
  const lockKey = changeLockKey(ctx, actor.personId);
  const result = await ctx.db.transaction().execute(async (tx) => {
    await serializeAttempts(tx, lockKey);
    const locked = await lockedForSeconds(ctx, tx, lockKey);
    if (locked > 0) return lockedError(locked);
    const person = await findPersonById(tx, actor.personId);
    if (!person) return new AppError('UNAUTHENTICATED');
    if (await verifyPassword(person, oldPassword)) return person;
    await writeAudit(tx, ctx.clock, {
      event: 'PASSWORD_CHANGE',
      outcome: 'failure',
      actor: auditActorOf(actor),
      origin,
      reason: 'WRONG_PASSWORD',
    });
    const { remainingAttempts } = await recordStepFailure(ctx, tx, lockKey);
    return new AppError('WRONG_PASSWORD', '原密码错误，请重新输入', { details: { field: 'oldPassword', remainingAttempts } });
  });
  if (result instanceof AppError) throw result;
  return result;
};

/** 修改密码: needs the old password; ends the person's other sessions and tells them by inbox message. */
export const changePassword = async (ctx: AppContext, origin: AuditOrigin, actor: Actor, input: ChangePasswordInput) => {
  const lockKey = changeLockKey(ctx, actor.personId);
  const person = await checkOldPassword(ctx, origin, actor, input.oldPassword);
  assertPasswordPolicy(input.newPassword, person);
  if (input.newPassword === input.oldPassword) throw new AppError('PASSWORD_POLICY', '新密码不能与原密码相同');
  const passwordHash = await hashPassword(input.newPassword);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    await setPassword(tx, person.id, { passwordHash, now, tempPasswordExpiresAt: null });
    await endSessionsOfPerson(tx, person.id, actor.sessionId);
    await clearFailures(tx, lockKey);
    await ctx.notifier.send(tx, {
      channel: 'inbox',
      personId: person.id,
      subject: '登录密码已修改',
      body: '您的登录密码已修改，其他设备上的登录已退出。如非本人操作，请立即通过“忘记密码”找回并联系单位管理员。',
    });
    await writeAudit(tx, ctx.clock, {
      event: 'PASSWORD_CHANGE',
      actor: auditActorOf(actor),
      origin,
      target: { type: 'person', id: person.id },
      reason: person.mustChangePassword ? 'AFTER_ADMIN_RESET' : null,
    });
  });
  return { ok: true as const };
};
