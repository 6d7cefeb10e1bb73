import { sql } from 'kysely';
import type { TransferDirection, RequestStatus } from '@cep/contracts';
import type { DbOrTx } from '../../platform/db/database';
import { containsPattern } from '../../platform/db/like';

/** The person's active professional account, with its employer and title (what a transfer moves and shows). */
export const findProfessional = (db: DbOrTx, personId: string) =>
  db
    .selectFrom('account as a')
    .innerJoin('person as p', 'p.id', 'a.personId')
    .innerJoin('org as o', 'o.id', 'a.orgId')
    .innerJoin('professionalProfile as f', 'f.accountId', 'a.id')
    .select(['a.id as accountId', 'a.orgId', 'o.name as orgName', 'p.name', 'p.idNumber', 'f.titleSeries', 'f.titleLevel'])
    .where('a.personId', '=', personId)
    .where('a.kind', '=', 'professional')
    .where('a.status', '=', 'active')
    .executeTakeFirst();

/** The org a person would move to, with what decides whether anyone can receive them. */
export const findTransferTarget = (db: DbOrTx, orgId: string) =>
  db.selectFrom('org').select(['id', 'name', 'kind', 'status', 'isPlaceholder']).where('id', '=', orgId).executeTakeFirst();

/** Moves the professional account from one employer to another; false when it is no longer at `fromOrgId`. */
export const moveProfessional = async (db: DbOrTx, move: { accountId: string; fromOrgId: string; toOrgId: string }) =>
  Boolean(
    await db
      .updateTable('account')
      .set({ orgId: move.toOrgId })
      .where('id', '=', move.accountId)
      .where('kind', '=', 'professional')
      .where('orgId', '=', move.fromOrgId)
      .where('status', '=', 'active')
      .returning('id')
      .executeTakeFirst(),
  );

/** One who moves to a new employer works there: a 离职 mark of the old one does not follow them. */
export const markInPost = async (db: DbOrTx, accountId: string, now: Date) => {
  await db
    .updateTable('professionalProfile')
    .set({ employment: 'active', employmentSince: null, updatedAt: now })
    .where('accountId', '=', accountId)
    .where('employment', '!=', 'active')
    .execute();
};

/** The org's active professionals by name or ID number (人员调出's picker). */
export const searchOrgProfessionals = (db: DbOrTx, orgId: string, keyword: string | undefined, limit: number) => {
  let q = db
    .selectFrom('account as a')
    .innerJoin('person as p', 'p.id', 'a.personId')
    .innerJoin('professionalProfile as f', 'f.accountId', 'a.id')
    .select(['p.id as personId', 'p.name', 'p.idNumber', 'f.titleSeries', 'f.titleLevel'])
    .where('a.orgId', '=', orgId)
    .where('a.kind', '=', 'professional')
    .where('a.status', '=', 'active');
  if (keyword) q = q.where((eb) => eb.or([eb('p.name', 'like', containsPattern(keyword)), eb('p.idNumber', '=', keyword.toUpperCase())]));
  return q.orderBy('p.name').limit(limit).execute();
};

/** 调转记录: transfers out of the org (it is their subject) or into it (the payload's target), newest first. */
export const pageTransfers = async (
  db: DbOrTx,
  q: { kind: string; orgId: string; direction?: TransferDirection; status?: RequestStatus; page: number; pageSize: number },
) => {
  let base = db.selectFrom('request as r').where('r.kind', '=', q.kind);
  const out = sql<boolean>`r.subject_org_id = ${q.orgId}`;
  const into = sql<boolean>`r.payload->>'toEmployerId' = ${q.orgId}`;
  base = base.where(q.direction === 'out' ? out : q.direction === 'in' ? into : sql<boolean>`(${out} or ${into})`);
  if (q.status) base = base.where('r.status', '=', q.status);
  const { n } = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select(['r.id', 'r.status', 'r.payload', 'r.subjectOrgId', 'r.createdAt', 'r.decidedAt'])
    .orderBy('r.createdAt', 'desc')
    .orderBy('r.id', 'desc')
    .offset((q.page - 1) * q.pageSize)
    .limit(q.pageSize)
    .execute();
  return { total: Number(n), rows };
};
