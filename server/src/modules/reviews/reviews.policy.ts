import { REVIEW_CONFLICT_MESSAGE } from '@cep/contracts';
import type { Actor } from '../../platform/auth/actor';
import { AppError } from '../../platform/errors/app-error';
import { isOpen } from './reviews.workflow';
import type { RequestRow, StepRow } from './reviews.repository';

type DecisionCheck = {
  actor: Pick<Actor, 'accountKind' | 'orgId' | 'permissions' | 'personId'>;
  row: Pick<RequestRow, 'status' | 'version' | 'currentStep' | 'applicantPersonId'>;
  steps: Pick<StepRow, 'stepNo' | 'reviewerOrgId' | 'permission'>[];
  version: number;
  allowSelfReview?: boolean;
  /** The admin is among the people the request credits (an attendee, a person a bureau filed for). */
  credited?: boolean;
  /** `revoke` (审验不通过) acts on an approved request of a kind that can undo its effect. */
  decision: 'approve' | 'reject' | 'revoke';
  revocable?: boolean;
};

const stateRefusal = (decision: DecisionCheck['decision'], status: RequestRow['status'], revocable: boolean) => {
  if (decision !== 'revoke') return isOpen(status) ? null : new AppError('INVALID_STATE', '该申请已审核完成或已撤回，不能再审核');
  if (!revocable) return new AppError('INVALID_STATE', '此类申请审核通过后不能撤销');
  return status === 'approved' ? null : new AppError('INVALID_STATE', '只有审核通过的申请可以撤销审核通过');
};

/**
 * Why this admin may not decide this (visible) request now, or null. A stale version is a conflict
 * (someone else decided first), checked before the state so that a lost race always reads the same.
 */
export const decisionRefusal = ({
  actor,
  row,
  steps,
  version,
  allowSelfReview,
  credited,
  decision,
  revocable = false,
}: DecisionCheck): AppError | null => {
  if (actor.accountKind !== 'admin') return new AppError('FORBIDDEN', '只有单位管理员可以审核');
  if (version !== row.version) return new AppError('CONFLICT', REVIEW_CONFLICT_MESSAGE);
  const wrongState = stateRefusal(decision, row.status, revocable);
  if (wrongState) return wrongState;
  // The current step of an approved request is its last: only the org that approved it last takes that back.
  const current = steps.find((s) => s.stepNo === row.currentStep);
  if (!current || !actor.permissions.has(current.permission)) return new AppError('FORBIDDEN', '您没有审核此类申请的权限');
  if (current.reviewerOrgId !== actor.orgId) {
    return new AppError('FORBIDDEN', decision === 'revoke' ? '只有最后审核通过的单位可以撤销审核通过' : '该申请当前不在本单位的审核环节');
  }
  if (!allowSelfReview && actor.personId === row.applicantPersonId) {
    return new AppError('FORBIDDEN', '不能审核本人提交的申请，请由本单位其他管理员审核');
  }
  if (credited) return new AppError('FORBIDDEN', '该申请为您本人申报学时，不能由您审核，请由本单位其他管理员审核');
  return null;
};

/** A rejection or a revocation needs a reason (1-500 characters); an approval ignores one. */
export const reasonFor = (decision: DecisionCheck['decision'], reason: string | null | undefined): string | null => {
  const trimmed = reason?.trim() ?? '';
  if (decision === 'approve') return trimmed || null;
  if (!trimmed) throw new AppError('VALIDATION_FAILED', '请填写驳回原因');
  if (trimmed.length > 500) throw new AppError('VALIDATION_FAILED', '驳回原因不能超过500字');
  return trimmed;
};

/**
 * An admin reads a (visible) request's details only with a permission of one of its steps, or one its kind names
 * for reading (单位申报记录: the claims of an org's people, for an admin who does not review them).
 */
export const mayRead = (
  actor: Pick<Actor, 'accountKind' | 'permissions'>,
  steps: Pick<StepRow, 'permission'>[],
  readPermissions: readonly string[] = [],
) => actor.accountKind === 'admin' && [...steps.map((s) => s.permission), ...readPermissions].some((p) => actor.permissions.has(p));

export const mayDecideNow = (
  actor: Pick<Actor, 'accountKind' | 'orgId' | 'permissions' | 'personId'>,
  row: Pick<RequestRow, 'status' | 'currentReviewerOrgId' | 'currentPermission' | 'applicantPersonId'>,
) =>
  actor.accountKind === 'admin' &&
  actor.personId !== row.applicantPersonId &&
  isOpen(row.status) &&
  row.currentReviewerOrgId === actor.orgId &&
  row.currentPermission !== null &&
  actor.permissions.has(row.currentPermission);
