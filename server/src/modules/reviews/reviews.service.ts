import { createHash } from 'node:crypto';
import type { AppContext } from '../../platform/context';
import type { Tx } from '../../platform/db/database';
import { writeAudit, type AuditOrigin } from '../../platform/audit/audit';
import { AppError, notFound } from '../../platform/errors/app-error';
import { requireRequestKind, permissionForStep, listRequestKinds, type Applicant, type RequestKindDefinition } from './reviews.registry';
import { initialState, nextState } from './reviews.workflow';
import { applyTransitions, hookArgsOf, stateOf } from './reviews.transition';
import * as repo from './reviews.repository';
import { bindToRequest } from './reviews.attachments';
import { unbindAttachments } from './reviews.attachments.repository';

export type SubmitOptions = {
  ctx: AppContext;
  /** The caller's transaction, so a domain can create its own rows and the request together. */
  tx?: Tx;
  kind: string;
  applicant: Applicant;
  payload: unknown;
  origin?: AuditOrigin | null;
  /** The client's Idempotency-Key: the same key and payload return the first request instead of a second one. */
  idempotencyKey?: string | null;
  /** The applicant's own uploads filed with the request (学习证明材料 …). */
  attachmentIds?: string[];
};

const parsePayload = (definition: RequestKindDefinition<unknown>, raw: unknown) => {
  const parsed = definition.payloadSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  throw new AppError('VALIDATION_FAILED', first?.message ?? undefined, { details: { field: first?.path.join('.') } });
};

const hashPayload = (kind: string, payload: unknown) =>
  createHash('sha256')
    .update(`${kind}\n${JSON.stringify(payload)}`)
    .digest('hex');

const replayIdempotent = async (tx: Tx, options: SubmitOptions, hash: string) => {
  if (!options.idempotencyKey) return undefined;
  const existing = await repo.findByIdempotencyKey(tx, options.applicant.personId, options.idempotencyKey);
  if (existing && existing.payloadHash !== hash) throw new AppError('CONFLICT', '该幂等键已用于另一次内容不同的提交');
  return existing;
};

/**
 * The kind's route, each org that cannot review now (no active admin, or not active) replaced by the nearest one above
 * it that can, with an org named twice in a row reviewing once (a bureau's own staff: employer and bureau are
 * one org). An org further down the chain again is a routing error: each request has at most one step per org,
 * which the queue's 已审核 and 全部 tabs rely on.
 */
const routeReviewers = async (tx: Tx, definition: RequestKindDefinition<unknown>, args: Parameters<RequestKindDefinition<unknown>['route']>[0]) => {
  const substituted: { from: string; to: string }[] = [];
  const acting: string[] = [];
  for (const orgId of await definition.route(args)) {
    const reviewer = await repo.findActingReviewer(tx, orgId);
    if (reviewer && reviewer.id !== orgId) substituted.push({ from: orgId, to: reviewer.id });
    acting.push(reviewer?.id ?? orgId);
  }
  const reviewers = acting.filter((org, i, all) => i === 0 || all[i - 1] !== org);
  if (reviewers.length === 0) throw new AppError('VALIDATION_FAILED', '未找到可以审核该申请的单位');
  if (new Set(reviewers).size !== reviewers.length) throw new AppError('INTERNAL', '审核流程配置错误：同一单位在审核流程中出现两次，请联系平台运维');
  if ((await repo.countExistingOrgs(tx, reviewers)) !== reviewers.length) {
    throw new AppError('VALIDATION_FAILED', '审核单位不存在');
  }
  return { reviewers, substituted };
};

type Prepared = {
  payload: unknown;
  hash: string;
  reviewers: string[];
  permissions: string[];
  summary: Awaited<ReturnType<RequestKindDefinition<unknown>['summarize']>>;
  subject: { path: string; name: string };
  applicantName: string;
};

const insertWithSteps = async (tx: Tx, options: SubmitOptions, p: Prepared) => {
  const { ctx, kind, applicant } = options;
  const state = initialState(p.reviewers.length);
  const now = ctx.clock.now();
  const row = await repo.insertRequest(tx, {
    kind,
    status: state.status,
    applicantPersonId: applicant.personId,
    applicantAccountId: applicant.accountId,
    subjectOrgId: p.summary.subjectOrgId,
    scopePath: p.subject.path,
    creditYear: p.summary.creditYear ?? null,
    title: p.summary.title,
    searchText: [p.summary.title, p.applicantName, p.subject.name, p.summary.searchText ?? ''].join(' ').trim(),
    payload: JSON.stringify(p.payload),
    currentStep: 1,
    stepCount: p.reviewers.length,
    currentReviewerOrgId: p.reviewers[0]!,
    currentPermission: p.permissions[0]!,
    idempotencyKey: options.idempotencyKey ?? null,
    payloadHash: p.hash,
    createdAt: now,
    updatedAt: now,
    decidedAt: null,
  });
  await repo.insertSteps(
    tx,
    p.reviewers.map((reviewerOrgId, i) => ({
      requestId: row.id,
      stepNo: i + 1,
      reviewerOrgId,
      permission: p.permissions[i]!,
      status: state.steps[i]!,
      decidedByAccountId: null,
      decidedByPersonId: null,
      decidedAt: null,
      reason: null,
      requestCreatedAt: row.createdAt,
    })),
  );
  return row;
};

/** A person held by an open request of a holding kind (a transfer) is refused, whoever files for them. */
const refuseHeldPeople = async (tx: Tx, personIds: string[]) => {
  const holding = listRequestKinds().filter((k) => k.holdsParticipants);
  const hold = await repo.lockAndFindHold(
    tx,
    personIds,
    holding.map((k) => k.kind),
  );
  if (!hold) return;
  const message = holding.find((k) => k.kind === hold.kind)?.holdsParticipants?.message ?? '该人员有申请正在审核中';
  throw new AppError('CONFLICT', `${hold.name}：${message}`, { details: { requestId: hold.id } });
};

const submitInTx = async (tx: Tx, options: SubmitOptions) => {
  const { ctx, kind, applicant } = options;
  const definition = requireRequestKind(kind);
  const payload = parsePayload(definition, options.payload);
  const hash = hashPayload(kind, payload);
  const replay = await replayIdempotent(tx, options, hash);
  if (replay) return replay;
  // The kind's functions see the payload as it will be stored (JSON), and parse it themselves, as its hooks will.
  const stored: unknown = JSON.parse(JSON.stringify(payload));
  const args = { tx, ctx, payload: stored, applicant };
  const participants = definition.participants?.(stored) ?? [];
  await refuseHeldPeople(tx, [applicant.personId, ...participants]);
  await definition.validate?.(args);
  const { reviewers, substituted } = await routeReviewers(tx, definition, args);
  const summary = await definition.summarize(args);
  const subject = await repo.findOrgPath(tx, summary.subjectOrgId);
  if (!subject) throw new AppError('VALIDATION_FAILED', '申请所属单位不存在');
  const applicantName = (await repo.findPersonName(tx, applicant.personId)) ?? '';
  const stepCount = reviewers.length;
  const permissions = reviewers.map((_, i) => permissionForStep(definition, { stepNo: i + 1, stepCount, payload: stored }));
  const row = await insertWithSteps(tx, options, { payload, hash, reviewers, permissions, summary, subject, applicantName });
  await repo.insertParticipants(tx, row.id, participants);
  await bindToRequest(tx, { requestId: row.id, personId: applicant.personId, ids: options.attachmentIds ?? [] });
  await writeAudit(tx, ctx.clock, {
    event: 'REQUEST_SUBMITTED',
    actor: { personId: applicant.personId, accountId: applicant.accountId },
    origin: options.origin,
    target: { type: 'request', id: row.id },
    detail: { kind, stepCount, reviewerOrgIds: reviewers, substituted, attachments: options.attachmentIds?.length ?? 0 },
  });
  if (substituted.length > 0) await tellSubstitution(tx, ctx, applicant.personId, row.title, substituted);
  return row;
};

/** The applicant is told when an org of the chain could not review and the one above it will (item 8 of issue 12). */
const tellSubstitution = async (tx: Tx, ctx: AppContext, personId: string, title: string, substituted: { from: string; to: string }[]) => {
  const names = await repo.findOrgNames(
    tx,
    substituted.flatMap((s) => [s.from, s.to]),
  );
  const lines = substituted.map((s) => `“${names.get(s.from) ?? ''}”暂无可用的管理员，改由“${names.get(s.to) ?? ''}”审核`);
  await ctx.notifier.send(tx, { channel: 'inbox', personId, subject: '审核单位已调整', body: `您提交的“${title}”：${lines.join('；')}。` });
};

const isIdempotencyRace = (error: unknown) =>
  (error as { code?: string; constraint?: string })?.code === '23505' && (error as { constraint?: string }).constraint === 'request_idempotency_idx';

/**
 * Files a request: validates the payload, routes it to its reviewer chain and records it, in the
 * caller's transaction when given (so a domain's own rows and the request commit together).
 */
export const submitRequest = async (options: SubmitOptions): Promise<repo.RequestRow> => {
  if (options.tx) return submitInTx(options.tx, options);
  try {
    return await options.ctx.db.transaction().execute((tx) => submitInTx(tx, options));
  } catch (error) {
    // Two submissions with one key raced: the loser replays the winner's request.
    if (!isIdempotencyRace(error)) throw error;
    return options.ctx.db.transaction().execute((tx) => submitInTx(tx, options));
  }
};

/** Who withdraws: the applicant, or an admin of the org that filed a kind its org withdraws (`withdrawnByOrgWith`). */
export type Withdrawer = { personId: string; accountId?: string; orgId?: string; permissions?: ReadonlySet<string> };
export type WithdrawOptions = { ctx: AppContext; by: Withdrawer; requestId: string; origin?: AuditOrigin | null };

export const mayWithdraw = (by: Withdrawer, row: repo.RequestRow, definition: RequestKindDefinition<unknown>) =>
  row.applicantPersonId === by.personId ||
  (definition.withdrawnByOrgWith !== undefined && by.orgId === row.subjectOrgId && by.permissions?.has(definition.withdrawnByOrgWith) === true);

/** The applicant takes the request back while the kind allows it (by default: until a reviewer approved a step). */
export const withdrawRequest = async ({ ctx, by, requestId, origin }: WithdrawOptions) =>
  ctx.db.transaction().execute(async (tx) => {
    // Steps before the request, so that a decision committed in between reads as a conflict at the update.
    const steps = await repo.findSteps(tx, [requestId]);
    const row = await repo.findRequestById(tx, requestId);
    const definition = row && requireRequestKind(row.kind);
    if (!row || !definition || !mayWithdraw(by, row, definition)) throw notFound('申请不存在或您无权查看');
    const result = nextState(stateOf(row, steps), { type: 'withdraw', withdrawableUntil: definition.withdrawableUntil ?? 'firstApproval' });
    if (!result.ok) throw new AppError(result.code, result.message);
    const [updated] = await applyTransitions(tx, ctx, [{ row, steps, next: result.state }]);
    await definition.onWithdrawn?.(hookArgsOf(tx, ctx, updated!, null, null));
    // Its files go back to the applicant: filed again with a corrected request, or removed.
    await unbindAttachments(tx, row.id);
    await writeAudit(tx, ctx.clock, {
      event: 'REQUEST_WITHDRAWN',
      actor: { personId: by.personId, accountId: by.accountId ?? null },
      origin,
      target: { type: 'request', id: row.id },
      detail: { kind: row.kind, atStep: row.currentStep },
    });
    return updated!;
  });
