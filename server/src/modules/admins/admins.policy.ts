import { permissionsOf } from '@cep/contracts';
import type { Actor } from '../../platform/auth/actor';
import { AppError } from '../../platform/errors/app-error';

/**
 * The state an ended admin account (删除, or the old super admin after 更换超管) takes. Login and the
 * one-admin-per-org and one-super-admin indexes already treat `withdrawn` as gone for good, and the row
 * stays for history.
 */
export const ENDED_ACCOUNT_STATUS = 'withdrawn' as const;

/** A role may hold only modules of the actor's own org kind (the menu of that login role). */
export const assertModulesOfOrgKind = (actor: Actor, permissions: string[]) => {
  const allowed = new Set<string>(permissionsOf(actor.role));
  const unknown = permissions.find((p) => !allowed.has(p));
  if (unknown) throw new AppError('VALIDATION_FAILED', `权限模块“${unknown}”不属于本机构，请重新选择`, { details: { field: 'permissions' } });
};

/** A non-super admin may hand out only modules it holds itself. */
export const assertCanGrant = (actor: Actor, permissions: string[]) => {
  if (actor.isSuperAdmin) return;
  if (permissions.some((p) => !actor.permissions.has(p))) throw new AppError('FORBIDDEN', '不能分配您本人没有的权限模块');
};

export type ManagedAdmin = { accountId: string; isSuperAdmin: boolean };

/** Nobody acts on their own admin account here; only the super admin may touch the super admin's. */
export const assertCanManage = (actor: Actor, target: ManagedAdmin) => {
  if (target.accountId === actor.accountId) throw new AppError('FORBIDDEN', '不能对自己的管理员账号进行此操作');
  if (target.isSuperAdmin) throw new AppError('FORBIDDEN', '超级管理员账号不能被停用、删除或修改角色');
};
