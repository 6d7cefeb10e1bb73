import {
  requestStatusLabels,
  type MyRequestsPage,
  type PendingItem,
  type MyRequestsQuery,
  type OverdueSubordinates,
  type ReviewDetail,
  type ReviewKindOption,
  type ReviewQueuePage,
  type ReviewQueueQuery,
  type ReviewWaiting,
  type ReviewYearCounts,
  type ScopeRecordsQuery,
} from '@cep/contracts';
import type { Actor } from '../../platform/auth/actor';
import type { AppContext } from '../../platform/context';
import type { DbOrTx } from '../../platform/db/database';
import { AppError, notFound } from '../../platform/errors/app-error';
import { writeAudit, type AuditOrigin } from '../../platform/audit/audit';
import { findRequestKind, kindLabel, listRequestKinds, withdrawableUntilOf } from './reviews.registry';
import { canWithdraw } from './reviews.workflow';
import { decisionRefusal, mayDecideNow, mayRead } from './reviews.policy';
import { stateOf } from './reviews.transition';
import { findCreditedAmong, findOpenFiledBy, findOpenInSubtree, findSteps, findVisibleRequest, type StepView } from './reviews.repository';
import { attachmentsOf } from './reviews.attachments';
import {
  findQueueRow,
  overdueBySubordinate,
  overdueKindCounts,
  pageMine,
  pageOfSubject,
  pageQueue,
  pageScope,
  todoKindCounts,
  todoYearCounts,
} from './reviews.queue.repository';
import { loadProfile } from '@cep/profiles';
import { mayWithdraw } from './reviews.service';
import { maskSensitive, presentDetail, presentMine, presentQueueItem } from './reviews.presenter';

/** The 超期 days of the deployment's profile. */
const overdueDaysOf = (ctx: AppContext) => loadProfile(ctx.config.profile).reviewOverdueDays;
const waitOf = (ctx: AppContext) => ({ now: ctx.clock.now(), overdueDays: overdueDaysOf(ctx) });
const overdueCutoff = (ctx: AppContext) => new Date(ctx.clock.now().getTime() - overdueDaysOf(ctx) * 86_400_000);

const requireAdmin = (actor: Actor) => {
  if (actor.accountKind !== 'admin') throw new AppError('FORBIDDEN', '只有单位管理员可以查看审核列表');
};

/**
 * Which permissions a queue view filters by: none needed when the chosen kind has one permission and the admin
 * holds it (the kind's requests all carry it), 'none' when the admin may see nothing of it or the kind is unknown.
 */
const queuePermissions = (actor: Actor, kind: string | undefined): string[] | null | 'none' => {
  const all = [...actor.permissions];
  if (all.length === 0) return 'none';
  if (!kind) return all;
  const definition = findRequestKind(kind);
  if (!definition) return 'none';
  if (typeof definition.permission !== 'string') return all;
  return actor.permissions.has(definition.permission) ? null : 'none';
};

/** A reviewer org's queue, limited to the kinds whose permission the admin holds, with paging. */
export const listQueue = async ({ ctx, actor, query }: { ctx: AppContext; actor: Actor; query: ReviewQueueQuery }): Promise<ReviewQueuePage> => {
  requireAdmin(actor);
  const { page, pageSize } = query;
  const empty = { items: [], total: 0, totalCapped: false, page, pageSize };
  const permissions = queuePermissions(actor, query.kind);
  if (permissions === 'none') return empty;
  const filter = {
    orgId: actor.orgId,
    permissions,
    status: query.status,
    kind: query.kind,
    year: query.year,
    keyword: query.keyword || undefined,
    requestStatus: query.requestStatus,
  };
  const { rows, total, totalCapped } = await pageQueue(ctx.db, filter, page, pageSize);
  return { items: rows.map((row) => presentQueueItem(row, mayDecideNow(actor, row), waitOf(ctx))), total, totalCapped, page, pageSize };
};

/**
 * 单位申报记录: the requests of these kinds filed under the admin's data scope, whoever reviews them (a city bureau
 * sees its counties' claims), newest first; details open through the same view as the queue's.
 */
export const listScopeRecords = async (input: {
  ctx: AppContext;
  actor: Actor;
  kinds: string[];
  query: ScopeRecordsQuery;
}): Promise<ReviewQueuePage> => {
  const { ctx, actor, query } = input;
  requireAdmin(actor);
  const kinds = query.kind ? input.kinds.filter((k) => k === query.kind) : input.kinds;
  const filter = { orgPath: actor.orgPath, kinds, status: query.status, year: query.year, keyword: query.keyword || undefined };
  const { rows, total, totalCapped } = await pageScope(ctx.db, filter, query.page, query.pageSize);
  return { items: rows.map((row) => presentQueueItem(row, false, waitOf(ctx))), total, totalCapped, page: query.page, pageSize: query.pageSize };
};

/** How many requests wait at the admin's org per credit year (学时审核: pending items of other years stay in sight). */
export const listYearCounts = async ({ ctx, actor, kind }: { ctx: AppContext; actor: Actor; kind?: string }): Promise<ReviewYearCounts> => {
  requireAdmin(actor);
  const permissions = queuePermissions(actor, kind);
  if (permissions === 'none') return [];
  return todoYearCounts(ctx.db, { orgId: actor.orgId, permissions, kind });
};

/** The menu key a kind's queue sits under (a kind whose permission depends on the step: its own key). */
const menuKeyOf = (kind: string) => {
  const d = findRequestKind(kind);
  return d?.queueMenu ?? (typeof d?.permission === 'string' ? d.permission : kind);
};

/** What waits in each of the admin's queues, for the workspace home (待办): one row per menu key. */
export const listWaiting = async ({ ctx, actor }: { ctx: AppContext; actor: Actor }): Promise<ReviewWaiting> => {
  if (actor.accountKind !== 'admin' || actor.permissions.size === 0) return [];
  const permissions = [...actor.permissions];
  const [open, overdue] = await Promise.all([
    todoKindCounts(ctx.db, actor.orgId, permissions),
    overdueKindCounts(ctx.db, actor.orgId, permissions, overdueCutoff(ctx)),
  ]);
  const byMenu = new Map<string, { count: number; overdue: number }>();
  const add = (kind: string, field: 'count' | 'overdue', n: number) => {
    const entry = byMenu.get(menuKeyOf(kind)) ?? { count: 0, overdue: 0 };
    entry[field] += n;
    byMenu.set(menuKeyOf(kind), entry);
  };
  for (const { kind, count } of open) add(kind, 'count', count);
  for (const { kind, count } of overdue) add(kind, 'overdue', count);
  return [...byMenu].map(([menuKey, c]) => ({ menuKey, ...c }));
};

/** A superior's 下级超期: its subordinate orgs with items waiting past the 超期 days, most first (item 8 of issue 12). */
export const listOverdueSubordinates = async (ctx: AppContext, actor: Actor): Promise<OverdueSubordinates> => {
  requireAdmin(actor);
  const rows = await overdueBySubordinate(ctx.db, { path: actor.orgPath, orgId: actor.orgId, cutoff: overdueCutoff(ctx), limit: 20 });
  return { overdueDays: overdueDaysOf(ctx), items: rows.map((r) => ({ orgId: r.orgId, orgName: r.orgName, count: Number(r.count) })) };
};

/** One request with its step history, for an admin whose org reviews it or whose data scope holds it. */
type DetailView = { ctx: AppContext; actor: Actor; id: string; origin?: AuditOrigin | null; reveal?: boolean };

/** A request's details show a person's or an org's data: every view, and every refused one, is audited (SECURITY L1). */
const auditView = (view: DetailView, outcome: 'success' | 'failure', reason: string | null = null, revealed = false) =>
  writeAudit(view.ctx.db, view.ctx.clock, {
    event: revealed ? 'REVIEW_DETAIL_REVEALED' : 'REVIEW_DETAIL_VIEW',
    outcome,
    reason,
    origin: view.origin,
    target: { type: 'request', id: view.id },
    actor: { personId: view.actor.personId, accountId: view.actor.accountId, orgId: view.actor.orgId },
  });

export const getForReviewer = async (view: DetailView): Promise<ReviewDetail> => {
  const { ctx, actor, id } = view;
  requireAdmin(actor);
  const visible = await findVisibleRequest(ctx.db, actor, id);
  if (!visible) {
    await auditView(view, 'failure', 'NOT_FOUND');
    throw notFound('申请不存在或您无权查看');
  }
  const steps = await findSteps(ctx.db, [id]);
  const definition = findRequestKind(visible.kind);
  if (!mayRead(actor, steps, definition?.readPermissions)) {
    await auditView(view, 'failure', 'FORBIDDEN');
    throw new AppError('FORBIDDEN', '您没有查看此类申请的权限');
  }
  const row = (await findQueueRow(ctx.db, id))!;
  const fields = definition?.present(visible.payload) ?? [];
  const revocable = definition?.onRevoked !== undefined;
  const credited = (await findCreditedAmong(ctx.db, actor.personId, [id])).has(id);
  const mayRevoke = decisionRefusal({ actor, row: visible, steps, version: visible.version, decision: 'revoke', revocable, credited }) === null;
  const mayDecide = mayDecideNow(actor, row) && !credited;
  // Whole ID numbers and phones only to the reviewer deciding it now, on request, and audited as such.
  const possible = mayDecide && JSON.stringify(maskSensitive(fields)) !== JSON.stringify(fields);
  if (view.reveal && !possible) {
    await auditView(view, 'failure', 'REVEAL_REFUSED', true);
    throw new AppError('FORBIDDEN', '只有当前审核环节的审核人可以查看完整号码');
  }
  await auditView(view, 'success', null, Boolean(view.reveal));
  const attachments = (await attachmentsOf(ctx.db, [id]))(id);
  return presentDetail(row, {
    steps,
    fields,
    attachments,
    may: { decide: mayDecide, revoke: mayRevoke },
    wait: waitOf(ctx),
    reveal: { shown: Boolean(view.reveal), possible },
  });
};

/** The applicant's own requests with their review progress (申报进度查询 / 变更记录). */
export const listMine = async ({ ctx, personId, query }: { ctx: AppContext; personId: string; query: MyRequestsQuery }): Promise<MyRequestsPage> => {
  const { page, pageSize } = query;
  const { total, rows } = await pageMine(ctx.db, personId, query.kind, page, pageSize);
  const ids = rows.map((r) => r.id);
  const steps = await findSteps(ctx.db, ids);
  const attachmentsOfRequest = await attachmentsOf(ctx.db, ids);
  const wait = waitOf(ctx);
  const items = rows.map(({ filedByOrgName, ...row }) => {
    const own = steps.filter((s) => s.requestId === row.id);
    // Filed for the person by an org: theirs to follow, the org's to withdraw, and its files (a roster) the org's.
    if (filedByOrgName !== null) return presentMine(row, own, { canWithdraw: false, attachments: [], filedByOrgName }, wait);
    const mayWithdraw = canWithdraw(stateOf(row, own), withdrawableUntilOf(row.kind));
    return presentMine(row, own, { canWithdraw: mayWithdraw, attachments: attachmentsOfRequest(row.id), filedByOrgName: null }, wait);
  });
  return { items, total, page, pageSize };
};

/**
 * An org's own requests of the given kinds (变更记录 of 修改单位信息 and 更换上级部门), for an admin of that org, with
 * 撤销 where this admin may take one back (its filer, or any admin of the org the kind lets withdraw).
 */
export const listOrgRequests = async (
  ctx: AppContext,
  actor: Actor,
  q: { kinds: string[]; page: number; pageSize: number },
): Promise<MyRequestsPage> => {
  const { total, rows } = await pageOfSubject(ctx.db, actor.orgId, q.kinds, q.page, q.pageSize);
  const ids = rows.map((r) => r.id);
  const steps = await findSteps(ctx.db, ids);
  const attachmentsOfRequest = await attachmentsOf(ctx.db, ids);
  const by = { personId: actor.personId, accountId: actor.accountId, orgId: actor.orgId, permissions: actor.permissions };
  const items = rows.map((row) => {
    const own = steps.filter((s) => s.requestId === row.id);
    const definition = findRequestKind(row.kind);
    const may = definition !== undefined && mayWithdraw(by, row, definition) && canWithdraw(stateOf(row, own), withdrawableUntilOf(row.kind));
    return presentMine(row, own, { canWithdraw: may, attachments: attachmentsOfRequest(row.id), filedByOrgName: null }, waitOf(ctx));
  });
  return { items, total, page: q.page, pageSize: q.pageSize };
};

/** Whose turn an open request is, and the queue where `orgId`'s admins decide it when it is theirs. */
const reviewerOf = (
  row: { id: string; kind: string; currentStep: number; currentReviewerOrgId: string | null },
  steps: StepView[],
  orgId?: string,
) => ({
  reviewerOrgName: steps.find((s) => s.requestId === row.id && s.stepNo === row.currentStep)?.reviewerOrgName ?? null,
  reviewMenuKey: orgId !== undefined && row.currentReviewerOrgId === orgId ? menuKeyOf(row.kind) : null,
});

/**
 * What is still open about an org or anything under it (a superior change waits for it), each with whether this
 * admin may withdraw it (their own, or one their org files and withdraws).
 */
export const listOpenInSubtree = async (db: DbOrTx, actor: Actor, path: string, limit: number): Promise<PendingItem[]> => {
  const rows = await findOpenInSubtree(db, path, limit);
  const steps = await findSteps(
    db,
    rows.map((r) => r.id),
  );
  const by = { personId: actor.personId, accountId: actor.accountId, orgId: actor.orgId, permissions: actor.permissions };
  return rows.map((row) => {
    const definition = findRequestKind(row.kind);
    const state = stateOf(
      row,
      steps.filter((s) => s.requestId === row.id),
    );
    return {
      id: row.id,
      kindLabel: kindLabel(row.kind),
      title: row.title,
      statusLabel: requestStatusLabels[row.status],
      canWithdraw: definition !== undefined && mayWithdraw(by, row, definition) && canWithdraw(state, withdrawableUntilOf(row.kind)),
      ...reviewerOf(row, steps, actor.orgId),
    };
  });
};

/** What a person still has open from one account (a transfer waits for it), and whether they may withdraw each. */
export const listOpenFiledBy = async (db: DbOrTx, filer: { personId: string; accountId: string }): Promise<PendingItem[]> => {
  const rows = await findOpenFiledBy(db, filer);
  const steps = await findSteps(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    id: row.id,
    kindLabel: kindLabel(row.kind),
    title: row.title,
    statusLabel: requestStatusLabels[row.status],
    ...reviewerOf(row, steps),
    canWithdraw: canWithdraw(
      stateOf(
        row,
        steps.filter((s) => s.requestId === row.id),
      ),
      withdrawableUntilOf(row.kind),
    ),
  }));
};

/** The kinds an admin may review (a kind whose permission depends on the step is listed for every admin). */
export const listReviewableKinds = (actor: Actor): ReviewKindOption[] => {
  requireAdmin(actor);
  return listRequestKinds()
    .filter((d) => typeof d.permission !== 'string' || actor.permissions.has(d.permission))
    .map((d) => ({
      kind: d.kind,
      label: d.label,
      menuKey: menuKeyOf(d.kind),
      hasCreditYear: d.hasCreditYear ?? false,
    }));
};
