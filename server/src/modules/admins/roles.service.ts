import type { RoleInput, RoleUpdateInput } from '@cep/contracts';
import { detachRoleFromEndedAccounts } from '../people';
import { AppError } from '../../platform/errors/app-error';
import { isUniqueViolation } from '../../platform/db/unique-violation';
import type { Tx } from '../../platform/db/database';
import { assertCanGrant, assertModulesOfOrgKind } from './admins.policy';
import { auditChange, type Caller } from './admins.caller';
import * as roles from './roles.repository';

const roleNotFound = () => new AppError('NOT_FOUND', '角色不存在或不属于本单位');
const duplicateName = () => new AppError('ALREADY_EXISTS', '本单位已有同名角色，请更换角色名称');

const checkPermissions = (caller: Caller, permissions: string[]) => {
  assertModulesOfOrgKind(caller.actor, permissions);
  assertCanGrant(caller.actor, permissions);
};

/** Runs a role write, turning a duplicate name into a clear 409. */
const writingRole = async <T>(caller: Caller, work: (tx: Tx) => Promise<T>): Promise<T> => {
  try {
    return await caller.ctx.db.transaction().execute(work);
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName();
    throw error;
  }
};

export const listRoles = (caller: Caller) => roles.listRoles(caller.ctx.db, caller.actor.orgId);

export const createRole = async (caller: Caller, input: RoleInput) => {
  const permissions = [...new Set(input.permissions)];
  checkPermissions(caller, permissions);
  const id = await writingRole(caller, async (tx) => {
    const row = await roles.insertRole(tx, { orgId: caller.actor.orgId, name: input.name, description: input.description ?? null, permissions });
    await auditChange(tx, caller, { event: 'ROLE_CREATE', target: { type: 'role', id: row.id }, detail: { name: input.name, permissions } });
    return row.id;
  });
  return (await roles.findRole(caller.ctx.db, caller.actor.orgId, id))!;
};

export const updateRole = async (caller: Caller, roleId: string, input: RoleUpdateInput) => {
  const permissions = input.permissions ? [...new Set(input.permissions)] : undefined;
  await writingRole(caller, async (tx) => {
    const existing = (await roles.lockRole(tx, caller.actor.orgId, roleId)) && (await roles.findRole(tx, caller.actor.orgId, roleId));
    if (!existing) throw roleNotFound();
    // Changing a role changes what its holders may do, so the same grant rule covers the modules it held.
    assertCanGrant(caller.actor, existing.permissions);
    if (permissions) checkPermissions(caller, permissions);
    const patch = { name: input.name, description: input.description, permissions };
    if (Object.values(patch).some((v) => v !== undefined)) await roles.updateRole(tx, roleId, patch);
    await auditChange(tx, caller, { event: 'ROLE_UPDATE', target: { type: 'role', id: roleId }, detail: { before: existing, after: patch } });
  });
  return (await roles.findRole(caller.ctx.db, caller.actor.orgId, roleId))!;
};

export const deleteRole = async (caller: Caller, roleId: string) => {
  await caller.ctx.db.transaction().execute(async (tx) => {
    const existing = (await roles.lockRole(tx, caller.actor.orgId, roleId)) && (await roles.findRole(tx, caller.actor.orgId, roleId));
    if (!existing) throw roleNotFound();
    assertCanGrant(caller.actor, existing.permissions);
    if (Number(existing.adminCount) > 0) {
      throw new AppError('CONFLICT', `该角色已分配给${existing.adminCount}名管理员，请先为他们更换角色后再删除`);
    }
    // Ended accounts keep no link to a deleted role; the audit log keeps who held what.
    await detachRoleFromEndedAccounts(tx, roleId);
    await roles.deleteRole(tx, roleId);
    await auditChange(tx, caller, {
      event: 'ROLE_DELETE',
      target: { type: 'role', id: roleId },
      detail: { name: existing.name, permissions: existing.permissions },
    });
  });
};
