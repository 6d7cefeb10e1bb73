import type { Permission } from '@cep/contracts';
import type { DbOrTx } from '../../platform/db/database';
import type { Actor } from '../../platform/auth/actor';
import { isInScope } from '../../platform/auth/scope';
import { AppError } from '../../platform/errors/app-error';
import { orgWithRegion, type LoginAccountRow } from './identity.repository';
import { wasClosedByRequest } from '../people';

type Status = LoginAccountRow['status'];

/** What an account's state means for login: a disabled or rejected org blocks its admins too. */
const effectiveStatus = (a: LoginAccountRow): Status => {
  if (a.orgStatus === 'disabled' || a.orgStatus === 'rejected') return a.status === 'pending' ? a.status : 'disabled';
  if (a.orgStatus === 'pending' && a.status === 'active') return 'pending';
  return a.status;
};

const statusRank: Record<Status, number> = { active: 0, pending: 1, disabled: 2, rejected: 3, withdrawn: 4 };

/** Of several accounts for one role: a usable one first, then the most recently used, then the newest. */
export const pickAccount = (accounts: LoginAccountRow[]): LoginAccountRow | undefined =>
  [...accounts].sort(
    (x, y) =>
      statusRank[effectiveStatus(x)] - statusRank[effectiveStatus(y)] ||
      (y.lastLoginAt?.getTime() ?? 0) - (x.lastLoginAt?.getTime() ?? 0) ||
      y.createdAt.getTime() - x.createdAt.getTime(),
  )[0];

/**
 * The reviewer a pending account waits for: a professional's employer; for an admin of an org still
 * under review, that org's superior; for an admin added to an active org, the org itself.
 */
const reviewerOf = async (db: DbOrTx, a: LoginAccountRow) => {
  const orgId = a.kind === 'admin' && a.orgStatus === 'pending' ? a.superiorId : a.orgId;
  return orgId ? ((await orgWithRegion(db, orgId)) ?? null) : null;
};

/** The refusal for an account that exists but may not log in, or null when it may. */
export const accountBlock = async (db: DbOrTx, a: LoginAccountRow): Promise<AppError | null> => {
  const status = effectiveStatus(a);
  if (status === 'active') return null;
  if (status === 'pending') {
    const reviewer = await reviewerOf(db, a);
    return new AppError('ACCOUNT_UNDER_REVIEW', undefined, { details: { lookupUrl: '/lookup/registration', reviewer } });
  }
  if (a.kind === 'professional' && (await wasClosedByRequest(db, a.accountId))) {
    return new AppError('ACCOUNT_DISABLED', '您的账号已注销（账号注销申请已审核通过），学时记录仍然保留；如有疑问请联系原所在单位或当地人社部门');
  }
  return new AppError('ACCOUNT_DISABLED');
};

export const RESET_PERMISSIONS = ['statistics.people', 'org.admins'] as const satisfies readonly Permission[];

export const canResetPasswords = (actor: Actor) => actor.accountKind === 'admin' && RESET_PERMISSIONS.some((p) => actor.permissions.has(p));

export type TargetAccount = { kind: 'professional' | 'admin'; orgId: string; orgPath: string };

/** The deepest org whose subtree holds every one of the materialized `paths`, or null when they share none. */
export const commonSuperiorId = (paths: string[]): string | null => {
  const split = paths.map((p) => p.split('/').filter(Boolean));
  const common: string[] = [];
  for (let i = 0; split.length && split.every((ids) => ids[i] !== undefined && ids[i] === split[0]![i]); i++) common.push(split[0]![i]!);
  return common.at(-1) ?? null;
};

export type ResetRefusal =
  | { reason: 'NOT_FOUND' }
  | { reason: 'SELF' }
  /** Some account of the person lies outside the actor's subtree: only `canResetOrgId`'s admins may reset. */
  | { reason: 'ACCOUNT_OUTSIDE_SCOPE'; canResetOrgId: string | null }
  | { reason: 'OWN_ORG_ADMIN' };

/**
 * Admin reset scope (issue 7 finding 1). Every live account of the target must sit in the actor's subtree:
 * one outside it means some other org vouches for this person too, and a reset here would hand the other
 * org's account to whoever the actor gives the password. None in the subtree is "not found". Admins of the
 * actor's own org are reset only by its super admin; nobody resets themselves.
 */
export const resetRefusal = (actor: Actor, targetPersonId: string, accounts: TargetAccount[]): ResetRefusal | null => {
  if (!accounts.some((a) => isInScope(actor, a.orgPath))) return { reason: 'NOT_FOUND' };
  if (targetPersonId === actor.personId) return { reason: 'SELF' };
  if (accounts.some((a) => !isInScope(actor, a.orgPath))) {
    return { reason: 'ACCOUNT_OUTSIDE_SCOPE', canResetOrgId: commonSuperiorId(accounts.map((a) => a.orgPath)) };
  }
  if (accounts.some((a) => a.kind === 'admin' && a.orgId === actor.orgId) && !actor.isSuperAdmin) return { reason: 'OWN_ORG_ADMIN' };
  return null;
};
