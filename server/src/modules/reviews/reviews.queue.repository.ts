import { sql } from 'kysely';
import type { RequestStatus, ReviewQueueStatus } from '@cep/contracts';
import type { DbOrTx } from '../../platform/db/database';
import { containsPattern } from '../../platform/db/like';
import { OPEN_STATUSES } from './reviews.repository';
import { onePage } from '../../platform/db/paging';

export type QueueFilter = {
  orgId: string;
  permissions: string[];
  status: ReviewQueueStatus;
  kind?: string;
  year?: number;
  keyword?: string;
  requestStatus?: RequestStatus;
};

const fromRequests = (db: DbOrTx) => db.selectFrom('request as r');
type Query = ReturnType<typeof fromRequests>;

/** Which requests a reviewer org sees: waiting at it (todo), decided by it (done), or any step at it (all). */
const byStatus = (q: Query, f: QueueFilter): Query => {
  if (f.status === 'todo') {
    return q.where('r.currentReviewerOrgId', '=', f.orgId).where('r.status', 'in', OPEN_STATUSES).where('r.currentPermission', 'in', f.permissions);
  }
  const stepStatuses =
    f.status === 'done' ? (['approved', 'rejected'] as const) : (['waiting', 'pending', 'approved', 'rejected', 'skipped'] as const);
  return q.where((eb) =>
    eb.exists(
      eb
        .selectFrom('requestStep as s')
        .select(sql`1`.as('x'))
        .whereRef('s.requestId', '=', 'r.id')
        .where('s.reviewerOrgId', '=', f.orgId)
        .where('s.status', 'in', [...stepStatuses])
        .where('s.permission', 'in', f.permissions),
    ),
  );
};

const filtered = (db: DbOrTx, f: QueueFilter): Query => {
  let q = byStatus(fromRequests(db), f);
  if (f.kind) q = q.where('r.kind', '=', f.kind);
  if (f.year) q = q.where('r.creditYear', '=', f.year);
  if (f.keyword) q = q.where('r.searchText', 'ilike', containsPattern(f.keyword));
  if (f.requestStatus) q = q.where('r.status', '=', f.requestStatus);
  return q;
};

export const countQueue = async (db: DbOrTx, f: QueueFilter) =>
  (
    await filtered(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

const queueColumns = [
  'p.name as applicantName',
  'p.idNumber as applicantIdNumber',
  'so.name as subjectOrgName',
  'g.name as subjectRegionName',
  'co.name as currentReviewerOrgName',
] as const;

/** Oldest first for the to-do list (first come, first reviewed); newest activity first otherwise. */
export const pageQueue = async (db: DbOrTx, f: QueueFilter, page: number, pageSize: number) => {
  let q = filtered(db, f)
    .innerJoin('person as p', 'p.id', 'r.applicantPersonId')
    .innerJoin('org as so', 'so.id', 'r.subjectOrgId')
    .leftJoin('org as co', 'co.id', 'r.currentReviewerOrgId')
    .leftJoin('region as g', 'g.code', 'so.regionCode')
    .selectAll('r')
    .select(queueColumns);
  q = f.status === 'todo' ? q.orderBy('r.createdAt', 'asc').orderBy('r.id', 'asc') : q.orderBy('r.updatedAt', 'desc').orderBy('r.id', 'desc');
  return q.$call(onePage({ page, pageSize })).execute();
};

export type QueueRow = Awaited<ReturnType<typeof pageQueue>>[number];

export const findQueueRow = async (db: DbOrTx, id: string): Promise<QueueRow | undefined> =>
  db
    .selectFrom('request as r')
    .innerJoin('person as p', 'p.id', 'r.applicantPersonId')
    .innerJoin('org as so', 'so.id', 'r.subjectOrgId')
    .leftJoin('org as co', 'co.id', 'r.currentReviewerOrgId')
    .leftJoin('region as g', 'g.code', 'so.regionCode')
    .selectAll('r')
    .select(queueColumns)
    .where('r.id', '=', id)
    .executeTakeFirst();

export const pageMine = async (db: DbOrTx, personId: string, kind: string | undefined, page: number, pageSize: number) => {
  let q = db.selectFrom('request').where('applicantPersonId', '=', personId);
  if (kind) q = q.where('kind', '=', kind);
  const total = (await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
  const rows = await q.selectAll().orderBy('createdAt', 'desc').orderBy('id', 'desc').$call(onePage({ page, pageSize })).execute();
  return { total, rows };
};
