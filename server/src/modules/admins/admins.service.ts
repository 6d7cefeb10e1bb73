import { maskIdNumber, type AddAdminInput, type UpdateAdminInput } from '@cep/contracts';
import { AppError } from '../../platform/errors/app-error';
import { hashPassword } from '../../platform/auth/passwords';
import { isUniqueViolation } from '../../platform/db/unique-violation';
import type { Tx } from '../../platform/db/database';
import { assertCanGrant, assertCanManage } from './admins.policy';
import { assertPasswordPolicy } from '../../platform/auth/password-policy';
import { auditChange, type Caller } from './admins.caller';
import * as admins from './admins.repository';
import { createAccount, createPerson, setContactsByOrg, updateAdminAccount } from '../people';
import { findRole, lockRole } from './roles.repository';

export const adminNotFound = () => new AppError('NOT_FOUND', '管理员不存在或不属于本单位');

export const listAdmins = (caller: Caller, filter: { name?: string | undefined; status?: 'active' | 'disabled' | undefined }) =>
  admins.listAdmins(caller.ctx.db, caller.actor.orgId, filter);

/** The role to assign, locked for the transaction; it must be the org's own and within what the actor may grant. */
export const grantableRole = async (tx: Tx, caller: Caller, roleId: string) => {
  const role = (await lockRole(tx, caller.actor.orgId, roleId)) && (await findRole(tx, caller.actor.orgId, roleId));
  if (!role) throw new AppError('NOT_FOUND', '角色不存在或不属于本单位');
  assertCanGrant(caller.actor, role.permissions);
  return role;
};

/**
 * 新增管理员 of a new person, active at once: the org's admin vouches for them and sets the initial password.
 * Someone already on the platform is invited instead (invitations.service), never added.
 */
export const addAdmin = async (caller: Caller, input: AddAdminInput) => {
  const { orgId } = caller.actor;
  assertPasswordPolicy(input.password, input);
  const passwordHash = await hashPassword(input.password);
  try {
    const accountId = await caller.ctx.db.transaction().execute(async (tx) => {
      const role = await grantableRole(tx, caller, input.roleId);
      if (await admins.findPersonByIdNumber(tx, input.idNumber)) {
        throw new AppError('ALREADY_EXISTS', '该身份证号已是本系统用户，请选择“已是本系统用户”方式邀请');
      }
      const personId = await createPerson(
        tx,
        { idNumber: input.idNumber, name: input.name, phone: input.phone, email: input.email ?? null, passwordHash },
        { createdByOrg: true },
      );
      const accountId = await createAccount(tx, { personId, orgId, kind: 'admin', status: 'active', roleId: role.id });
      await auditChange(tx, caller, {
        event: 'ADMIN_ADD',
        target: { type: 'account', id: accountId },
        detail: { mode: 'new', personId, idNumber: maskIdNumber(input.idNumber), roleId: role.id, roleName: role.name },
      });
      return accountId;
    });
    return (await admins.findAdmin(caller.ctx.db, orgId, accountId))!;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('ALREADY_EXISTS', '该身份证号已是本系统用户，请刷新后重试');
    throw error;
  }
};

/** 编辑管理员: the role, and the contact data of a person who has no other account (others change their own). */
export const updateAdmin = async (caller: Caller, accountId: string, input: UpdateAdminInput) => {
  await caller.ctx.db.transaction().execute(async (tx) => {
    const target = await admins.findAdmin(tx, caller.actor.orgId, accountId, true);
    if (!target) throw adminNotFound();
    assertCanManage(caller.actor, target);
    if (target.rolePermissions) assertCanGrant(caller.actor, target.rolePermissions);
    const changed: Record<string, unknown> = {};
    if (input.roleId && input.roleId !== target.roleId) {
      const role = await grantableRole(tx, caller, input.roleId);
      await updateAdminAccount(tx, accountId, { roleId: role.id });
      Object.assign(changed, { roleId: { from: target.roleId, to: role.id } });
    }
    if (input.phone !== undefined || input.email !== undefined) {
      if ((await admins.countOtherAccounts(tx, target.personId, accountId)) > 0) {
        throw new AppError('CONFLICT', '该管理员在平台还有其他账号，联系方式请由本人登录后在个人资料中修改');
      }
      await setContactsByOrg(tx, target.personId, { phone: input.phone, email: input.email });
      Object.assign(changed, { phone: input.phone !== undefined, email: input.email !== undefined });
    }
    await auditChange(tx, caller, { event: 'ADMIN_UPDATE', target: { type: 'account', id: accountId }, detail: changed });
  });
  return (await admins.findAdmin(caller.ctx.db, caller.actor.orgId, accountId))!;
};
