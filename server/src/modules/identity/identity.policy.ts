import { birthDateOf, Password, passwordDenyReason } from '@cep/contracts';
import type { DbOrTx } from '../../platform/db/database';
import type { Actor } from '../../platform/auth/actor';
import { isInScope } from '../../platform/auth/scope';
import { AppError } from '../../platform/errors/app-error';
import { orgWithRegion, type LoginAccountRow } from './identity.repository';

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
  return new AppError('ACCOUNT_DISABLED');
};

/** The seeds' rule (contracts Password) plus the deny-list of SECURITY.md T3, as one PASSWORD_POLICY error. */
export const assertPasswordPolicy = (password: string, person: { idNumber: string; phone: string | null }) => {
  const parsed = Password.safeParse(password);
  if (!parsed.success) throw new AppError('PASSWORD_POLICY', parsed.error.issues[0]?.message);
  const reason = passwordDenyReason(password, { idNumber: person.idNumber, phone: person.phone, birthDate: birthDateOf(person.idNumber) });
  if (reason) throw new AppError('PASSWORD_POLICY', reason);
};

export const RESET_PERMISSIONS = ['statistics.people', 'org.admins'] as const;

export const canResetPasswords = (actor: Actor) =>
  actor.accountKind === 'admin' && RESET_PERMISSIONS.some((p) => actor.permissions.has(p));

export type TargetAccount = { kind: 'professional' | 'admin'; orgId: string; orgPath: string };

/**
 * Admin reset scope. Some live account of the target must sit in the actor's subtree (else 404). A target
 * who is an admin anywhere outside that subtree is refused, or a county admin could take over a province
 * admin who is also a professional in the county; admins of the actor's own org only by its super admin.
 */
export const resetRefusal = (actor: Actor, targetPersonId: string, accounts: TargetAccount[]): AppError | null => {
  if (!accounts.some((a) => isInScope(actor, a.orgPath))) return new AppError('NOT_FOUND', '人员不存在或不在您的管理范围内');
  if (targetPersonId === actor.personId) return new AppError('FORBIDDEN', '不能重置自己的密码，请使用“修改密码”');
  const admins = accounts.filter((a) => a.kind === 'admin');
  if (admins.some((a) => !isInScope(actor, a.orgPath))) {
    return new AppError('FORBIDDEN', '该人员是其他机构的管理员，请联系其上级审核部门重置密码');
  }
  if (admins.some((a) => a.orgId === actor.orgId) && !actor.isSuperAdmin) {
    return new AppError('FORBIDDEN', '只有超级管理员可以重置本单位管理员的密码');
  }
  return null;
};
