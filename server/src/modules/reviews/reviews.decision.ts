import { REVIEW_CONFLICT_MESSAGE, requestStatusLabels } from '@cep/contracts';
import type { Actor } from '../../platform/auth/actor';
import type { AppContext } from '../../platform/context';
import { writeAudits, type AuditOrigin } from '../../platform/audit/audit';
import { AppError, notFound } from '../../platform/errors/app-error';
import { findRequestKind, unknownKind, type RequestKind } from './reviews.registry';
import { nextState, type WorkflowState } from './reviews.workflow';
import { decisionRefusal, reasonFor } from './reviews.policy';
import { applicantNotice, applyTransitions, hookArgsOf, stateOf } from './reviews.transition';
import { findCreditedAmong, findSteps, lockVisibleRequests, type RequestRow, type StepView } from './reviews.repository';

/** `revoke` (审验不通过): the last reviewer takes back the approval of a finished request of a revocable kind. */
export type Decision = 'approve' | 'reject' | 'revoke';

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
  if (decision === 'revoke') return `您已审核通过的申请被${orgName}撤销（审验不通过），原因：${reason}`;
  if (row.status === 'approved') return `您的申请已${requestStatusLabels.approved}。`;
  return `您的申请已由${orgName}审核通过，进入下一级审核。`;
};

type Outcome = { ok: true; row: RequestRow } | { ok: false; error: AppError };

/** A decision the checks allowed, waiting for the chunk's writes. */
type Planned = { index: number; row: RequestRow; steps: StepView[]; next: WorkflowState; isFinal: boolean; definition: RequestKind };

const auditEvents: Record<Decision, string> = { approve: 'REVIEW_APPROVE', reject: 'REVIEW_REJECT', revoke: 'REVIEW_REVOKE' };

/** What the kind does on this decision: its effect on the final approval, its undoing on a rejection or revocation. */
const hookOf = (p: Planned, decision: Decision) => {
  if (decision === 'approve') return p.isFinal ? p.definition.effect : undefined;
  return decision === 'reject' ? p.definition.onRejected : p.definition.onRevoked;
};

/** A hook (effect or rejection) failed on one item: the chunk is redone without it. */
class ItemFailure extends Error {
  constructor(
    readonly index: number,
    readonly failure: unknown,
  ) {
    super('review hook failed');
  }
}

/** Before any lookup, so that a professional cannot tell an existing request (403) from a missing one (404). */
const requireAdmin = (actor: Actor) => {
  if (actor.accountKind !== 'admin') throw new AppError('FORBIDDEN', '只有单位管理员可以审核');
};

const actorOf = (actor: Actor) => ({ personId: actor.personId, accountId: actor.accountId, orgId: actor.orgId });

/** Why one item may not be decided now, or its plan; `row` is its locked request, if the admin may see it. */
const checkItem = (
  options: DecideBatchOptions,
  item: BatchItem,
  index: number,
  row: RequestRow | undefined,
  steps: StepView[],
  credited: Set<string>,
) => {
  if (!row) return notFound(NOT_FOUND_MESSAGE);
  const definition = findRequestKind(row.kind);
  if (!definition) return unknownKind(row.kind);
  const own = steps.filter((s) => s.requestId === row.id);
  const refusal = decisionRefusal({
    actor: options.actor,
    row,
    steps: own,
    version: item.version,
    allowSelfReview: definition.allowSelfReview,
    credited: credited.has(row.id),
    decision: options.decision,
    revocable: definition.onRevoked !== undefined,
  });
  if (refusal) return refusal;
  const result = nextState(stateOf(row, own), { type: options.decision });
  if (!result.ok) return new AppError(result.code, result.message);
  return { index, row, steps: own, next: result.state, isFinal: result.isFinal, definition } satisfies Planned;
};

/** Checks every item against the locked rows; an id twice in one call is decided once, the second reads as a conflict. */
type Locked = { rows: RequestRow[]; steps: StepView[]; credited: Set<string> };

const planChunk = (options: DecideBatchOptions, items: BatchItem[], { rows, steps, credited }: Locked, failed: Map<number, AppError>) => {
  const rowById = new Map(rows.map((r) => [r.id, r]));
  const planned: Planned[] = [];
  const refused = new Map(failed);
  items.forEach((item, index) => {
    if (refused.has(index)) return;
    const decidedTwice = planned.some((p) => p.row.id === item.id);
    const plan = decidedTwice
      ? new AppError('CONFLICT', REVIEW_CONFLICT_MESSAGE)
      : checkItem(options, item, index, rowById.get(item.id), steps, credited);
    if (plan instanceof AppError) refused.set(index, plan);
    else planned.push(plan);
  });
  return { planned, refused };
};

/**
 * Decides a chunk of items in one transaction: the requests locked and read in two statements, each item checked,
 * the transitions and step changes written in two more, each item's effect (or rejection hook) run, then one
 * statement each for the audit rows and the notices. A hook that fails throws ItemFailure and the caller redoes
 * the chunk without that item, so a failing item never undoes or half-does the others.
 */
const decideChunk = (options: DecideBatchOptions, items: BatchItem[], reason: string | null, failed: Map<number, AppError>) =>
  options.ctx.db.transaction().execute(async (tx): Promise<Outcome[]> => {
    const { ctx, actor, decision } = options;
    const ids = [...new Set(items.map((i) => i.id))];
    const rows = await lockVisibleRequests(tx, actor, ids);
    const steps = await findSteps(
      tx,
      rows.map((r) => r.id),
    );
    const credited = await findCreditedAmong(tx, actor.personId, ids);
    const { planned, refused } = planChunk(options, items, { rows, steps, credited }, failed);
    const updated = await applyTransitions(
      tx,
      ctx,
      planned.map((p) => ({ row: p.row, steps: p.steps, next: p.next, decision: { actor, reason } })),
    );
    for (const [i, p] of planned.entries()) {
      const hook = hookOf(p, decision);
      try {
        await hook?.(hookArgsOf(tx, ctx, updated[i]!, actor, reason));
      } catch (error) {
        throw new ItemFailure(p.index, error);
      }
    }
    const event = auditEvents[decision];
    await writeAudits(tx, ctx.clock, [
      ...planned.map((p, i) => ({
        event,
        actor: actorOf(actor),
        origin: options.origin,
        target: { type: 'request', id: p.row.id },
        reason,
        detail: { kind: p.row.kind, stepNo: p.row.currentStep, stepCount: p.row.stepCount, status: updated[i]!.status },
      })),
      ...[...refused].map(([index, error]) => refusalAudit(options, items[index]!, error)),
    ]);
    await ctx.notifier.sendAll(
      tx,
      planned.map((p, i) => applicantNotice(updated[i]!, p.definition, notificationBody(updated[i]!, decision, reason, actor.orgName))),
    );
    const outcomes: Outcome[] = items.map((_, index) => ({ ok: false, error: refused.get(index)! }));
    for (const [i, p] of planned.entries()) outcomes[p.index] = { ok: true, row: updated[i]! };
    return outcomes;
  });

/** A refused decision (wrong org, no permission, own request, lost race, wrong state) leaves its own audit row (SECURITY L1). */
const refusalAudit = (options: DecideBatchOptions, item: BatchItem, error: AppError) => ({
  event: auditEvents[options.decision],
  outcome: 'failure' as const,
  actor: actorOf(options.actor),
  origin: options.origin,
  target: { type: 'request', id: item.id },
  reason: error.code,
  detail: { version: item.version },
});

const INTERNAL_FAILURE = new AppError('INTERNAL', '系统繁忙，请稍后再试');

/** A deadlock or serialization failure is the transaction's, not the item's whose hook happened to meet it. */
const isTransient = (error: unknown) => ['40P01', '40001'].includes((error as { code?: string }).code ?? '');
const TRANSIENT_RETRIES = 3;

/**
 * Decides items in one transaction, redoing it without any item whose hook failed (at most once per item), and
 * redoing it whole after a deadlock (a few times).
 */
const decideItems = async (options: DecideBatchOptions, items: BatchItem[], reason: string | null): Promise<Outcome[]> => {
  const failed = new Map<number, AppError>();
  let retries = 0;
  for (;;) {
    try {
      return await decideChunk(options, items, reason, failed);
    } catch (error) {
      const transient = isTransient(error instanceof ItemFailure ? error.failure : error);
      if (transient && retries++ < TRANSIENT_RETRIES) continue;
      if (!(error instanceof ItemFailure)) throw error;
      // One decision on its own reports what went wrong as it is (a bug is a 500, not a refusal).
      if (items.length === 1 && !(error.failure instanceof AppError)) throw error.failure;
      if (!(error.failure instanceof AppError)) options.logError?.(error.failure);
      failed.set(error.index, error.failure instanceof AppError ? error.failure : INTERNAL_FAILURE);
    }
  }
};

/**
 * One reviewer's decision on the current step of a request, in one transaction with its effect
 * (on final approval) or rejection hook, its audit row and the applicant's notification.
 */
export const decideRequest = async (options: DecideOptions): Promise<RequestRow> => {
  requireAdmin(options.actor);
  const reason = reasonFor(options.decision, options.reason);
  const [outcome] = await decideItems({ ...options, items: [] }, [{ id: options.requestId, version: options.version }], reason);
  if (!outcome!.ok) throw outcome!.error;
  return outcome!.row;
};

export type BatchItem = { id: string; version: number };
export type BatchResult = { id: string; ok: boolean; code?: string; message?: string };

export type DecideBatchOptions = Omit<DecideOptions, 'requestId' | 'version'> & {
  items: BatchItem[];
  /** Where an item's unexpected failure goes (the request's log); the reviewer sees 系统繁忙 for that item. */
  logError?: (error: unknown) => void;
};

/**
 * Items per transaction, and transactions at once. Measured (bench/reviews.bench.ts, 1,000 registrations): one
 * transaction per item spent its time on ten round trips and a commit each; a chunk shares the reads, the writes
 * and the commit.
 */
const CHUNK_SIZE = 50;
const PARALLEL_CHUNKS = 2;

const resultOf = (item: BatchItem, outcome: Outcome): BatchResult =>
  outcome.ok ? { id: item.id, ok: true } : { id: item.id, ok: false, code: outcome.error.code, message: outcome.error.message };

/** A chunk whose transaction failed as a whole (a lost connection, a deadlock) reports each item as not done. */
const decideChunkOrReport = async (options: DecideBatchOptions, items: BatchItem[], reason: string | null) => {
  try {
    return (await decideItems(options, items, reason)).map((outcome, i) => resultOf(items[i]!, outcome));
  } catch (error) {
    if (error instanceof AppError) return items.map((item) => resultOf(item, { ok: false, error }));
    options.logError?.(error);
    return items.map((item) => resultOf(item, { ok: false, error: INTERNAL_FAILURE }));
  }
};

/**
 * One decision over many requests: each item is still its own decision, effect, audit row and notice, and a
 * refused or conflicting item leaves the others decided; the result lists every item's outcome in the order given.
 */
export const decideBatch = async (options: DecideBatchOptions): Promise<BatchResult[]> => {
  requireAdmin(options.actor);
  const reason = reasonFor(options.decision, options.reason);
  const chunks: BatchItem[][] = [];
  for (let i = 0; i < options.items.length; i += CHUNK_SIZE) chunks.push(options.items.slice(i, i + CHUNK_SIZE));
  const results: BatchResult[][] = new Array(chunks.length);
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const index = next++;
      results[index] = await decideChunkOrReport(options, chunks[index]!, reason);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_CHUNKS, chunks.length) }, worker));
  return results.flat();
};
