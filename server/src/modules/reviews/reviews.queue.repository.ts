import { sql } from 'kysely';
import { QUEUE_COUNT_CAP, type RequestStatus, type ReviewQueueStatus } from '@cep/contracts';
import type { DbOrTx } from '../../platform/db/database';
import { containsPattern, startsWithPattern } from '../../platform/db/like';
import { isRequestOfPerson, OPEN_STATUSES } from './reviews.repository';
import { onePage } from '../../platform/db/paging';

export type QueueFilter = {
  orgId: string;
  /** The permissions whose requests the reviewer may see; null when a registered kind is chosen whose one permission was checked. */
  permissions: string[] | null;
  status: ReviewQueueStatus;
  /** A registered kind: it goes into the SQL as a literal, so a generic plan knows the kind's share of the queue. */
  kind?: string;
  year?: number;
  keyword?: string;
  requestStatus?: RequestStatus;
};

/**
 * Requests with one step each: the current step (the to-do tab, a details row), or the reviewer org's own steps
 * (已审核, 全部). Joined on the current step, the to-do page's prepared statement keeps a generic plan (issue 9).
 */
const withSteps = (db: DbOrTx, on: { currentStep: true } | { orgId: string }) =>
  db.selectFrom('request as r').innerJoin('requestStep as s', (join) => {
    const ofRequest = join.onRef('s.requestId', '=', 'r.id');
    return 'orgId' in on ? ofRequest.on('s.reviewerOrgId', '=', on.orgId) : ofRequest.onRef('s.stepNo', '=', 'r.currentStep');
  });
type Query = ReturnType<typeof withSteps>;

/** One array parameter rather than a list of them: one statement text whatever the number of permissions. */
const anyOf = (values: string[]) => sql<string>`any(${values}::text[])`;

// Statuses go into the SQL as literals, not parameters: a parameter cannot prove the predicate of a partial index
// (request_todo_idx, request_step_org_decided_idx), so a prepared statement's generic plan could not use it.
const lits = <T extends string>(values: readonly T[]) => values.map((v) => sql.lit(v));
const DECIDED = ['approved', 'rejected', 'revoked'] as const;

/**
 * Which requests a reviewer org sees: waiting at it (todo), decided by it (done), or any step at it (all); a
 * request has at most one step per org (reviews.service routeReviewers), so each shows once.
 */
const byStatus = (q: Query, f: QueueFilter): Query => {
  if (f.status === 'todo') {
    const todo = q.where('r.currentReviewerOrgId', '=', f.orgId).where('r.status', 'in', lits(OPEN_STATUSES));
    return f.permissions ? todo.where('r.currentPermission', '=', anyOf(f.permissions)) : todo;
  }
  const mine = f.permissions ? q.where('s.permission', '=', anyOf(f.permissions)) : q;
  return f.status === 'done' ? mine.where('s.status', 'in', lits(DECIDED)) : mine;
};

/**
 * How a tab is ordered, each from an index: oldest first for the to-do list (first come, first reviewed), the
 * org's newest decision first for 已审核, the newest submission first for 全部.
 */
const ORDER = {
  todo: { at: 'r.createdAt', id: 'r.id', direction: 'asc' },
  done: { at: 's.decidedAt', id: 's.requestId', direction: 'desc' },
  all: { at: 's.requestCreatedAt', id: 's.requestId', direction: 'desc' },
} as const;

const filtered = (db: DbOrTx, f: QueueFilter): Query => {
  let q = byStatus(withSteps(db, f.status === 'todo' ? { currentStep: true } : { orgId: f.orgId }), f);
  if (f.kind) q = q.where('r.kind', '=', sql.lit(f.kind));
  if (f.year) q = q.where('r.creditYear', '=', f.year);
  if (f.keyword) q = q.where('r.searchText', 'ilike', containsPattern(f.keyword));
  if (f.requestStatus) q = q.where('r.status', '=', f.requestStatus);
  return q;
};

/** The to-do queue's size from its counters (review_queue_count, kept at each request's commit). */
const todoCount = (db: DbOrTx, f: QueueFilter) => {
  let q = db
    .selectFrom('reviewQueueCount')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('openCount'), eb.lit(0)).as('n'))
    .where('reviewerOrgId', '=', f.orgId);
  if (f.permissions) q = q.where('permission', '=', anyOf(f.permissions));
  if (f.kind) q = q.where('kind', '=', sql.lit(f.kind));
  if (f.year) q = q.where('creditYear', '=', f.year);
  return q;
};

/** The to-do tab's size per credit year, from the counters (0 there: no year). */
export const todoYearCounts = async (db: DbOrTx, f: Pick<QueueFilter, 'orgId' | 'permissions' | 'kind'>) => {
  let q = db
    .selectFrom('reviewQueueCount')
    .select(['creditYear', (eb) => eb.fn.sum<number>('openCount').as('n')])
    .where('reviewerOrgId', '=', f.orgId)
    .where('openCount', '>', 0);
  if (f.permissions) q = q.where('permission', '=', anyOf(f.permissions));
  if (f.kind) q = q.where('kind', '=', sql.lit(f.kind));
  const rows = await q.groupBy('creditYear').orderBy('creditYear', 'desc').execute();
  return rows.map((r) => ({ year: r.creditYear === 0 ? null : r.creditYear, count: Number(r.n) }));
};

/** What waits for the org per kind, of the permissions given: the kept counts, never the requests themselves. */
export const todoKindCounts = async (db: DbOrTx, orgId: string, permissions: string[]) => {
  const rows = await db
    .selectFrom('reviewQueueCount')
    .select(['kind', (eb) => eb.fn.sum<number>('openCount').as('n')])
    .where('reviewerOrgId', '=', orgId)
    .where('openCount', '>', 0)
    .where('permission', '=', anyOf(permissions))
    .groupBy('kind')
    .execute();
  return rows.map((r) => ({ kind: r.kind, count: Number(r.n) }));
};

/** A filtered view counted up to one past the cap: a few thousand index entries at most, whatever the queue's size. */
const cappedCount = (db: DbOrTx, f: QueueFilter) =>
  db
    .selectFrom(
      filtered(db, f)
        .select(sql`1`.as('x'))
        .limit(QUEUE_COUNT_CAP + 1)
        .as('capped'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'));

/** What a queue row shows: not the request's payload or search text, which a page never reads. */
const queueColumns = [
  'r.id',
  'r.kind',
  'r.status',
  'r.title',
  'r.creditYear',
  'r.currentStep',
  'r.stepCount',
  'r.version',
  'r.createdAt',
  'r.updatedAt',
  'r.decidedAt',
  'r.currentReviewerOrgId',
  'r.currentPermission',
  'r.applicantPersonId',
  'p.name as applicantName',
  'p.idNumber as applicantIdNumber',
  'so.name as subjectOrgName',
  'g.name as subjectRegionName',
  'co.name as currentReviewerOrgName',
] as const;

const withNames = (q: Query) =>
  q
    .innerJoin('person as p', 'p.id', 'r.applicantPersonId')
    .innerJoin('org as so', 'so.id', 'r.subjectOrgId')
    .leftJoin('org as co', 'co.id', 'r.currentReviewerOrgId')
    .leftJoin('region as g', 'g.code', 'so.regionCode')
    .select(queueColumns);

export type QueueRow = Awaited<ReturnType<ReturnType<typeof withNames>['executeTakeFirstOrThrow']>>;
export type QueuePage = { rows: QueueRow[]; total: number; totalCapped: boolean };

/**
 * One page of a queue view and its size in one statement: the count (from the counters for the to-do tab,
 * otherwise exact up to QUEUE_COUNT_CAP) left-joined to the page, so an empty page still says the size.
 * Profiled (issue 9): every round trip costs the server a socket write and read, a visible share of its CPU.
 */
export const pageQueue = async (db: DbOrTx, f: QueueFilter, page: number, pageSize: number): Promise<QueuePage> => {
  const fromCounters = f.status === 'todo' && !f.keyword && !f.requestStatus;
  const counted = fromCounters ? todoCount(db, f) : cappedCount(db, f);
  const order = ORDER[f.status];
  const rows = withNames(filtered(db, f))
    .select([`${order.at} as sortAt`, `${order.id} as sortId`])
    .orderBy(order.at, order.direction)
    .orderBy(order.id, order.direction)
    .$call(onePage({ page, pageSize }));
  const result = await db
    .selectFrom(counted.as('c'))
    .leftJoinLateral(rows.as('q'), (join) => join.onTrue())
    .selectAll('q')
    .select('c.n as queueSize')
    .orderBy('q.sortAt', order.direction)
    .orderBy('q.sortId', order.direction)
    .execute();
  const size = Number(result[0]?.queueSize ?? 0);
  return {
    rows: result.filter((r) => r.id !== null) as QueueRow[],
    ...(!fromCounters && size > QUEUE_COUNT_CAP ? { total: QUEUE_COUNT_CAP, totalCapped: true } : { total: size, totalCapped: false }),
  };
};

export type ScopeFilter = {
  /** The admin's org path: requests filed under any org of its subtree. */
  orgPath: string;
  /** Registered kinds, as literals. */
  kinds: string[];
  status: 'all' | 'open' | 'approved' | 'rejected';
  year?: number;
  keyword?: string;
};

const scopeStatuses = { open: OPEN_STATUSES, approved: ['approved'], rejected: ['rejected'] } as const;

const inScope = (db: DbOrTx, f: ScopeFilter) => {
  let q = withSteps(db, { currentStep: true }).where('r.scopePath', 'like', startsWithPattern(f.orgPath)).where('r.kind', 'in', lits(f.kinds));
  if (f.status !== 'all') q = q.where('r.status', 'in', lits(scopeStatuses[f.status]));
  if (f.year) q = q.where('r.creditYear', '=', f.year);
  if (f.keyword) q = q.where('r.searchText', 'ilike', containsPattern(f.keyword));
  return q;
};

/** Requests filed under the subtree, newest first, counted up to QUEUE_COUNT_CAP (单位申报记录). */
export const pageScope = async (db: DbOrTx, f: ScopeFilter, page: number, pageSize: number): Promise<QueuePage> => {
  if (f.kinds.length === 0) return { rows: [], total: 0, totalCapped: false };
  const counted = await db
    .selectFrom(
      inScope(db, f)
        .select(sql`1`.as('x'))
        .limit(QUEUE_COUNT_CAP + 1)
        .as('capped'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await withNames(inScope(db, f)).orderBy('r.createdAt', 'desc').orderBy('r.id', 'desc').$call(onePage({ page, pageSize })).execute();
  const size = Number(counted.n);
  return { rows, ...(size > QUEUE_COUNT_CAP ? { total: QUEUE_COUNT_CAP, totalCapped: true } : { total: size, totalCapped: false }) };
};

/** One request as a queue row, for its details view. */
export const findQueueRow = (db: DbOrTx, id: string) =>
  withNames(withSteps(db, { currentStep: true }))
    .where('r.id', '=', id)
    .executeTakeFirst();

/**
 * The person's requests: those they filed, and those filed for them (a participant: an attendee of a provider's
 * proxy claim, a bureau's 学时学分申报), with the name of the org whose admin filed it on the latter.
 */
export const pageMine = async (db: DbOrTx, personId: string, kind: string | undefined, page: number, pageSize: number) => {
  let q = db.selectFrom('request as r').where(isRequestOfPerson('r.id', personId));
  // One kind, or several separated by commas (变更记录 lists every change kind).
  if (kind) q = q.where('r.kind', 'in', kind.split(','));
  const total = (await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
  const rows = await q
    .leftJoin('account as filer', (join) => join.onRef('filer.id', '=', 'r.applicantAccountId').on('r.applicantPersonId', '!=', personId))
    .leftJoin('org as o', 'o.id', 'filer.orgId')
    .selectAll('r')
    .select('o.name as filedByOrgName')
    .orderBy('r.createdAt', 'desc')
    .orderBy('r.id', 'desc')
    .$call(onePage({ page, pageSize }))
    .execute();
  return { total, rows };
};

/** The requests filed about one org, of the given kinds, newest first (an org's 变更记录). */
export const pageOfSubject = async (db: DbOrTx, orgId: string, kinds: string[], page: number, pageSize: number) => {
  const q = db.selectFrom('request as r').where('r.subjectOrgId', '=', orgId).where('r.kind', 'in', kinds);
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await q.selectAll('r').orderBy('r.createdAt', 'desc').orderBy('r.id', 'desc').$call(onePage({ page, pageSize })).execute();
  return { total, rows };
};

/** Of an org's open requests in the given permissions, how many of each kind have waited at their step since before `cutoff` (capped). */
export const overdueKindCounts = async (db: DbOrTx, orgId: string, permissions: string[], cutoff: Date) => {
  const rows = await db
    .selectFrom(
      db
        .selectFrom('request')
        .select('kind')
        .where('currentReviewerOrgId', '=', orgId)
        .where('currentPermission', '=', anyOf(permissions))
        .where('status', 'in', OPEN_STATUSES)
        .where('updatedAt', '<', cutoff)
        .limit(QUEUE_COUNT_CAP + 1)
        .as('o'),
    )
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('kind')
    .execute();
  return rows.map((r) => ({ kind: r.kind, count: Number(r.n) }));
};

/** The orgs under `path` (not `orgId` itself) with requests waiting at their step since before `cutoff`, most first. */
export const overdueBySubordinate = (db: DbOrTx, q: { path: string; orgId: string; cutoff: Date; limit: number }) =>
  db
    .selectFrom('request as r')
    .innerJoin('org as o', 'o.id', 'r.currentReviewerOrgId')
    .select(['o.id as orgId', 'o.name as orgName', (eb) => eb.fn.countAll<number>().as('count')])
    .where('o.path', 'like', startsWithPattern(q.path))
    .where('o.id', '!=', q.orgId)
    .where('r.status', 'in', OPEN_STATUSES)
    .where('r.updatedAt', '<', q.cutoff)
    .groupBy(['o.id', 'o.name'])
    .orderBy('count', 'desc')
    .limit(q.limit)
    .execute();
