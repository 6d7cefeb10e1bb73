import { loginRoleLabels, maskIdNumber, type AdminInvitation, type AdminInviteInput, type MyAdminInvitation } from '@cep/contracts';
import { AppError } from '../../platform/errors/app-error';
import { days } from '../../platform/clock';
import { isUniqueViolation } from '../../platform/db/unique-violation';
import type { Tx } from '../../platform/db/database';
import { countAuditedSince } from '../../platform/audit/audit';
import { auditChange, type Caller } from './admins.caller';
import { grantableRole } from './admins.service';
import * as admins from './admins.repository';
import { createAccount } from '../people';
import * as invitations from './invitations.repository';
import type { InvitationRow } from './invitations.repository';

export const INVITATION_DAYS = 7;
/** An org's invitations a day: enough for staffing, too few to probe the platform for who is registered. */
export const INVITATIONS_PER_ORG_PER_DAY = 20;

/** Every attempt counts toward the daily limit, refused ones too (an unregistered ID is an answer worth limiting). */
const assertUnderDailyLimit = async (caller: Caller, since: Date) => {
  const attempts = await countAuditedSince(caller.ctx.db, { event: 'ADMIN_INVITE', actorOrgId: caller.actor.orgId, since });
  if (attempts >= INVITATIONS_PER_ORG_PER_DAY)
    throw new AppError('RATE_LIMITED', `每个单位每天最多发出${INVITATIONS_PER_ORG_PER_DAY}份管理员邀请，请明天再试`);
};

const presentForOrg = (row: InvitationRow): AdminInvitation => ({
  id: row.id,
  idNumberMasked: maskIdNumber(row.idNumber),
  roleName: row.roleName,
  createdAt: row.createdAt.toISOString(),
  expiresAt: row.expiresAt.toISOString(),
});

const presentForPerson = (row: InvitationRow): MyAdminInvitation => ({
  id: row.id,
  orgName: row.orgName,
  orgKind: row.orgKind,
  roleName: row.roleName,
  createdAt: row.createdAt.toISOString(),
  expiresAt: row.expiresAt.toISOString(),
});

const notFound = () => new AppError('NOT_FOUND', '邀请不存在或已失效');

/**
 * 新增管理员 of a person already on the platform: an invitation, never an account. The person is told by
 * inbox and SMS and decides after signing in; the inviting org sees only the masked ID number it typed.
 */
export const inviteAdmin = async (caller: Caller, input: AdminInviteInput): Promise<AdminInvitation> => {
  const { ctx, actor } = caller;
  const now = ctx.clock.now();
  const dayAgo = new Date(now.getTime() - days(1));
  await assertUnderDailyLimit(caller, dayAgo);
  try {
    const id = await ctx.db.transaction().execute(async (tx) => {
      const role = await grantableRole(tx, caller, input.roleId);
      const person = await admins.findPersonByIdNumber(tx, input.idNumber);
      if (!person) throw new AppError('NOT_FOUND', '该身份证号尚未在平台注册，请选择“新用户”方式添加');
      if (await admins.hasLiveAdminAccount(tx, person.id, actor.orgId)) throw new AppError('ALREADY_EXISTS', '该人员已是本单位管理员');
      const firstToday = (await invitations.countReceivedBy(tx, person.id, dayAgo)) === 0;
      const expiresAt = new Date(now.getTime() + days(INVITATION_DAYS));
      const row = await invitations.insertInvitation(tx, {
        orgId: actor.orgId,
        personId: person.id,
        roleId: role.id,
        invitedByAccountId: actor.accountId,
        createdAt: now,
        expiresAt,
      });
      const body = `${actor.orgName}邀请您担任该单位的管理员（角色：${role.name}），请在${INVITATION_DAYS}天内登录平台，在首页“管理员邀请”中接受或拒绝。如您不了解此事，请拒绝。`;
      await ctx.notifier.send(tx, { channel: 'inbox', personId: person.id, subject: '管理员邀请', body });
      // One SMS a day at most, in words of the platform only: no text an inviter chose (a role name) goes out by SMS.
      if (person.phone && firstToday) {
        const sms = `您收到一份继续教育平台的管理员邀请，请登录平台在首页“管理员邀请”中查看。如您不了解此事，请拒绝。`;
        await ctx.notifier.send(tx, { channel: 'sms', personId: person.id, destination: person.phone, subject: '管理员邀请', body: sms });
      }
      await auditChange(tx, caller, {
        event: 'ADMIN_INVITE',
        target: { type: 'person', id: person.id },
        detail: { invitationId: row.id, idNumber: maskIdNumber(input.idNumber), roleId: role.id, roleName: role.name },
      });
      return row.id;
    });
    return presentForOrg((await invitations.findLocked(ctx.db, id, { orgId: actor.orgId }))!);
  } catch (error) {
    const refusal = isUniqueViolation(error) ? new AppError('ALREADY_EXISTS', '已向该人员发出邀请，请等待对方确认') : error;
    if (refusal instanceof AppError) {
      await auditChange(ctx.db, caller, {
        event: 'ADMIN_INVITE',
        outcome: 'failure',
        reason: refusal.code,
        target: { type: 'org', id: actor.orgId },
        detail: { idNumber: maskIdNumber(input.idNumber) },
      });
    }
    throw refusal;
  }
};

export const listOrgInvitations = async (caller: Caller) =>
  (await invitations.listOpenOfOrg(caller.ctx.db, caller.actor.orgId, caller.ctx.clock.now())).map(presentForOrg);

/** An open invitation, locked: pending and not expired, or a clear refusal. */
const openInvitation = async (tx: Tx, caller: Caller, id: string, scope: { orgId: string } | { personId: string }) => {
  const row = await invitations.findLocked(tx, id, scope);
  if (!row) throw notFound();
  if (row.status !== 'pending') throw new AppError('INVALID_STATE', '该邀请已处理，无需重复操作');
  if (row.expiresAt <= caller.ctx.clock.now()) throw new AppError('INVALID_STATE', '该邀请已过期，请联系邀请单位重新发出');
  return row;
};

/** The inviting org withdraws an invitation nobody answered yet. */
export const cancelInvitation = (caller: Caller, id: string) =>
  caller.ctx.db.transaction().execute(async (tx) => {
    await openInvitation(tx, caller, id, { orgId: caller.actor.orgId });
    await invitations.closeInvitation(tx, id, { status: 'cancelled', decidedAt: caller.ctx.clock.now() });
    await auditChange(tx, caller, { event: 'ADMIN_INVITE_CANCEL', target: { type: 'adminInvitation', id } });
  });

export const listMyInvitations = async (caller: Caller) =>
  (await invitations.listOpenForPerson(caller.ctx.db, caller.actor.personId, caller.ctx.clock.now())).map(presentForPerson);

const tellInviter = async (tx: Tx, caller: Caller, row: InvitationRow, answer: string) => {
  const personId = await invitations.inviterPersonId(tx, row.invitedByAccountId);
  if (!personId) return;
  const body = `您邀请的${maskIdNumber(row.idNumber)}${answer}（${row.orgName}，角色：${row.roleName ?? '—'}）。`;
  await caller.ctx.notifier.send(tx, { channel: 'inbox', personId, subject: '管理员邀请结果', body });
};

/** The invited person accepts: the admin account is created, active, in the same transaction. */
export const acceptInvitation = (caller: Caller, id: string) =>
  caller.ctx.db.transaction().execute(async (tx) => {
    const { actor, ctx } = caller;
    const row = await openInvitation(tx, caller, id, { personId: actor.personId });
    if (row.orgStatus !== 'active') throw new AppError('INVALID_STATE', '邀请单位目前不是正常状态，无法接受邀请');
    if (!row.roleId) throw new AppError('INVALID_STATE', '邀请中的角色已被删除，请联系邀请单位重新发出邀请');
    if (await admins.hasLiveAdminAccount(tx, actor.personId, row.orgId)) throw new AppError('ALREADY_EXISTS', '您已是该单位的管理员');
    const accountId = await createAccount(tx, { personId: actor.personId, orgId: row.orgId, kind: 'admin', status: 'active', roleId: row.roleId });
    await invitations.closeInvitation(tx, id, { status: 'accepted', decidedAt: ctx.clock.now(), accountId });
    await auditChange(tx, caller, {
      event: 'ADMIN_INVITE_ACCEPT',
      target: { type: 'account', id: accountId },
      detail: { invitationId: id, orgId: row.orgId },
    });
    await tellInviter(tx, caller, row, '已接受邀请，成为本单位管理员');
    return { ok: true as const, message: `您已成为${row.orgName}的管理员，请以“${loginRoleLabels[row.orgKind]}”角色登录后使用管理功能` };
  });

export const declineInvitation = (caller: Caller, id: string) =>
  caller.ctx.db.transaction().execute(async (tx) => {
    const row = await openInvitation(tx, caller, id, { personId: caller.actor.personId });
    await invitations.closeInvitation(tx, id, { status: 'declined', decidedAt: caller.ctx.clock.now() });
    await auditChange(tx, caller, { event: 'ADMIN_INVITE_DECLINE', target: { type: 'adminInvitation', id } });
    await tellInviter(tx, caller, row, '已拒绝邀请');
  });
