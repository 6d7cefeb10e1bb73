import { AppError } from '../../platform/errors/app-error';
import { endSessionsOfPerson } from '../../platform/auth/sessions';
import type { Tx } from '../../platform/db/database';
import { assertCanGrant, assertCanManage, ENDED_ACCOUNT_STATUS } from './admins.policy';
import { auditChange, type Caller } from './admins.caller';
import { adminNotFound } from './admins.service';
import * as admins from './admins.repository';
import { updateAdminAccount } from '../people';

/** The target admin of the actor's org, locked, after the rules on who may act on whom. */
const managedTarget = async (tx: Tx, caller: Caller, accountId: string) => {
  const target = await admins.findAdmin(tx, caller.actor.orgId, accountId, true);
  if (!target) throw adminNotFound();
  assertCanManage(caller.actor, target);
  if (target.rolePermissions) assertCanGrant(caller.actor, target.rolePermissions);
  return target;
};

/** 禁用: the admin's sessions end at once, so the next request is refused. */
export const disableAdmin = (caller: Caller, accountId: string) =>
  caller.ctx.db.transaction().execute(async (tx) => {
    const target = await managedTarget(tx, caller, accountId);
    if (target.status !== 'active') throw new AppError('INVALID_STATE', '该管理员已是停用状态');
    await updateAdminAccount(tx, accountId, { status: 'disabled' });
    await endSessionsOfPerson(tx, target.personId);
    await auditChange(tx, caller, { event: 'ADMIN_DISABLE', target: { type: 'account', id: accountId } });
  });

export const enableAdmin = (caller: Caller, accountId: string) =>
  caller.ctx.db.transaction().execute(async (tx) => {
    const target = await managedTarget(tx, caller, accountId);
    if (target.status !== 'disabled') throw new AppError('INVALID_STATE', '该管理员已是启用状态');
    await updateAdminAccount(tx, accountId, { status: 'active' });
    await auditChange(tx, caller, { event: 'ADMIN_ENABLE', target: { type: 'account', id: accountId } });
  });

/** 删除: ends the admin account for good (the person keeps any other account); the row stays for history. */
export const removeAdmin = (caller: Caller, accountId: string) =>
  caller.ctx.db.transaction().execute(async (tx) => {
    const target = await managedTarget(tx, caller, accountId);
    await updateAdminAccount(tx, accountId, { status: ENDED_ACCOUNT_STATUS });
    await endSessionsOfPerson(tx, target.personId);
    await auditChange(tx, caller, { event: 'ADMIN_REMOVE', target: { type: 'account', id: accountId }, detail: { previousStatus: target.status } });
  });

/**
 * 设为超级管理员: the target becomes the org's super admin and the old super admin's admin account is
 * ended in the same transaction ("更换超管后不保留原超管账号"); the old super admin is signed out.
 */
export const handOverSuperAdmin = (caller: Caller, accountId: string) =>
  caller.ctx.db.transaction().execute(async (tx) => {
    const { actor } = caller;
    if (!actor.isSuperAdmin) throw new AppError('FORBIDDEN', '只有超级管理员可以设置超级管理员');
    const self = await admins.findAdmin(tx, actor.orgId, actor.accountId, true);
    if (!self?.isSuperAdmin || self.status !== 'active') throw new AppError('CONFLICT', '您已不是本单位的超级管理员，请重新登录');
    const target = await admins.findAdmin(tx, actor.orgId, accountId, true);
    if (!target) throw adminNotFound();
    if (target.accountId === actor.accountId) throw new AppError('INVALID_STATE', '您已是超级管理员');
    if (target.status !== 'active') throw new AppError('INVALID_STATE', '该管理员已停用，请先启用后再设为超级管理员');
    // The old super admin leaves first: one super admin per org is a unique index.
    await updateAdminAccount(tx, actor.accountId, { status: ENDED_ACCOUNT_STATUS, isSuperAdmin: false });
    await updateAdminAccount(tx, accountId, { isSuperAdmin: true, roleId: null });
    await endSessionsOfPerson(tx, actor.personId);
    await auditChange(tx, caller, {
      event: 'SUPER_ADMIN_HANDOVER',
      target: { type: 'account', id: accountId },
      detail: { fromAccountId: actor.accountId, toAccountId: accountId, toPersonId: target.personId },
    });
  });
