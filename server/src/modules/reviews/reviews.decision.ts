import { requestStatusLabels } from '@cep/contracts';
import type { Actor } from '../../platform/auth/actor';
import type { AppContext } from '../../platform/context';
import type { Tx } from '../../platform/db/database';
import { writeAudit, type AuditOrigin } from '../../platform/audit/audit';
import { AppError, notFound } from '../../platform/errors/app-error';
import { requireRequestKind } from './reviews.registry';
import { nextState } from './reviews.workflow';
import { decisionRefusal, reasonFor } from './reviews.policy';
import { applyTransition, hookArgsOf, notifyApplicant, stateOf } from './reviews.transition';
import { findSteps, findVisibleRequest, type RequestRow } from './reviews.repository';

export type Decision = 'approve' | 'reject';

export type DecideOptions = {
  ctx: AppContext;
  actor: Actor;
  requestId: string;
  /** The version the reviewer saw; a request changed since then gives 409. */
  version: number;
  decision: Decision;
  reason?: string | null;
  origin?: AuditOrigin | null;
};

const NOT_FOUND_MESSAGE = '申请不存在或您无权查看';

const notificationBody = (row: RequestRow, decision: Decision, reason: string | null, orgName: string) => {
  if (decision === 'reject') return `您的申请已被${orgName}驳回，驳回原因：${reason}`;
  if (row.status === 'approved') return `您的申请已${requestStatusLabels.approved}。`;
  return `您的申请已由${orgName}审核通过，进入下一级审核。`;
};

const decideInTx = async (tx: Tx, options: DecideOptions, reason: string | null) => {
  const { ctx, actor, decision } = options;
  // Steps first: a later statement sees a request at least as new as its steps, so a concurrent decision
  // shows up as a version conflict, never as a half-updated chain.
  const steps = await findSteps(tx, [options.requestId]);
  const row = await findVisibleRequest(tx, actor, options.requestId);
  if (!row) throw notFound(NOT_FOUND_MESSAGE);
  const definition = requireRequestKind(row.kind);
  const refusal = decisionRefusal({ actor, row, steps, version: options.version, allowSelfReview: definition.allowSelfReview });
  if (refusal) throw refusal;
  const result = nextState(stateOf(row, steps), { type: decision });
  if (!result.ok) throw new AppError(result.code, result.message);
  const updated = await applyTransition({ tx, ctx, row, steps, next: result.state, decision: { actor, reason } });
  const hookArgs = hookArgsOf(tx, ctx, updated, actor, reason);
  if (decision === 'approve' && result.isFinal) await definition.effect?.(hookArgs);
  if (decision === 'reject') await definition.onRejected?.(hookArgs);
  await writeAudit(tx, ctx.clock, {
    event: decision === 'approve' ? 'REVIEW_APPROVE' : 'REVIEW_REJECT',
    actor: { personId: actor.personId, accountId: actor.accountId, orgId: actor.orgId },
    origin: options.origin,
    target: { type: 'request', id: row.id },
    reason,
    detail: { kind: row.kind, stepNo: row.currentStep, stepCount: row.stepCount, status: updated.status },
  });
  await notifyApplicant(ctx, tx, updated, definition, notificationBody(updated, decision, reason, actor.orgName));
  return updated;
};

/**
 * One reviewer's decision on the current step of a request, in one transaction with its effect
 * (on final approval) or rejection hook, its audit row and the applicant's notification.
 */
export const decideRequest = async (options: DecideOptions): Promise<RequestRow> => {
  const reason = reasonFor(options.decision, options.reason);
  try {
    return await options.ctx.db.transaction().execute((tx) => decideInTx(tx, options, reason));
  } catch (error) {
    if (error instanceof AppError) await auditRefusal(options, error);
    throw error;
  }
};

/** A refused decision (wrong org, no permission, own request, lost race, wrong state) leaves its own audit row (SECURITY L1). */
const auditRefusal = (options: DecideOptions, error: AppError) => {
  const { ctx, actor } = options;
  return writeAudit(ctx.db, ctx.clock, {
    event: options.decision === 'approve' ? 'REVIEW_APPROVE' : 'REVIEW_REJECT',
    outcome: 'failure',
    actor: { personId: actor.personId, accountId: actor.accountId, orgId: actor.orgId },
    origin: options.origin,
    target: { type: 'request', id: options.requestId },
    reason: error.code,
    detail: { version: options.version },
  });
};

export type BatchItem = { id: string; version: number };
export type BatchResult = { id: string; ok: boolean; code?: string; message?: string };

export type DecideBatchOptions = Omit<DecideOptions, 'requestId' | 'version'> & { items: BatchItem[] };

const BATCH_PARALLELISM = 4;

const decideOne = async (options: DecideBatchOptions, item: BatchItem): Promise<BatchResult> => {
  try {
    await decideRequest({ ...options, requestId: item.id, version: item.version });
    return { id: item.id, ok: true };
  } catch (error) {
    if (error instanceof AppError) return { id: item.id, ok: false, code: error.code, message: error.message };
    return { id: item.id, ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' };
  }
};

/**
 * One decision over many requests. Each item is its own transaction, so a conflicting or refused item
 * leaves the others decided; the result lists every item's outcome in the order given.
 */
export const decideBatch = async (options: DecideBatchOptions): Promise<BatchResult[]> => {
  reasonFor(options.decision, options.reason);
  const results: BatchResult[] = new Array(options.items.length);
  let next = 0;
  const worker = async () => {
    while (next < options.items.length) {
      const index = next++;
      results[index] = await decideOne(options, options.items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(BATCH_PARALLELISM, options.items.length) }, worker));
  return results;
};
