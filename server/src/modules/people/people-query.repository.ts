import { sql } from 'kysely';
import type { Employment } from '@cep/contracts';
import type { DbOrTx } from '../../platform/db/database';
import type { Actor } from '../../platform/auth/actor';
import { inOrgScope } from '../../platform/auth/scope';
import { containsPattern } from '../../platform/db/like';

export type PeopleFilter = { keyword?: string | null; orgId?: string; titleSeries?: string; titleLevel?: string };
type Filter = PeopleFilter & { employment: Employment };

/**
 * Professionals whose employer is in the actor's scope, found by name (part of it) or the whole ID number, of one
 * employer, title series or level.
 */
const inScope = (db: DbOrTx, actor: Pick<Actor, 'orgPath'>, filter: PeopleFilter) => {
  const { keyword } = filter;
  let q = db
    .selectFrom('account as a')
    .innerJoin('org as o', 'o.id', 'a.orgId')
    .innerJoin('person as p', 'p.id', 'a.personId')
    .innerJoin('professionalProfile as f', 'f.accountId', 'a.id')
    .where('a.kind', '=', 'professional')
    .where('a.status', '=', 'active')
    .where(inOrgScope(actor, 'o.path'));
  if (keyword) q = q.where((eb) => eb.or([eb('p.name', 'like', containsPattern(keyword)), eb('p.idNumber', '=', keyword.toUpperCase())]));
  if (filter.orgId) q = q.where('a.orgId', '=', filter.orgId);
  if (filter.titleSeries) q = q.where('f.titleSeries', '=', filter.titleSeries);
  if (filter.titleLevel) q = q.where('f.titleLevel', '=', filter.titleLevel);
  return q;
};

/** One person of the scope, as 详情 shows them (null when they are not in it). */
export const findPersonInScope = (db: DbOrTx, actor: Pick<Actor, 'orgPath'>, personId: string) =>
  inScope(db, actor, {})
    .where('p.id', '=', personId)
    .select([
      'p.id as personId',
      'p.name',
      'p.idNumber',
      'p.phone',
      'p.mustChangePassword',
      'o.name as employerName',
      'a.createdAt',
      'f.titleSeries',
      'f.titleLevel',
      'f.titleObtainedOn',
      'f.major',
      'f.gender',
      'f.birthDate',
      'f.ethnicity',
      'f.education',
      'f.employment',
      'f.employmentSince',
    ])
    .executeTakeFirst();

export const pagePeople = (db: DbOrTx, actor: Pick<Actor, 'orgPath'>, q: Filter & { year: number; page: number; pageSize: number }) =>
  inScope(db, actor, q)
    .where('f.employment', '=', q.employment)
    .leftJoin('personYear as y', (join) => join.onRef('y.personId', '=', 'p.id').on('y.creditYear', '=', q.year))
    .select([
      'p.id as personId',
      'p.name',
      'p.idNumber',
      'o.id as orgId',
      'o.name as employerName',
      'f.titleSeries',
      'f.titleLevel',
      'f.employment',
      'f.employmentSince',
      sql<string>`coalesce(y.public_hours, 0)`.as('publicHours'),
      sql<string>`coalesce(y.specialized_hours, 0)`.as('specializedHours'),
      // A 账号注销 waiting for this person (the engine lists the person among the request's participants).
      sql<boolean>`exists (select 1 from request_participant rp join request r on r.id = rp.request_id
        where rp.person_id = p.id and r.kind = 'people.closure' and r.status in ('pending', 'inReview'))`.as('closurePending'),
    ])
    .orderBy('o.name')
    .orderBy('p.name')
    .orderBy('p.id')
    .offset((q.page - 1) * q.pageSize)
    .limit(q.pageSize)
    .execute();

/** How many of the actor's scope (matching the keyword) are 在职, 离职 and 退休. */
export const countByEmployment = (db: DbOrTx, actor: Pick<Actor, 'orgPath'>, filter: PeopleFilter) =>
  inScope(db, actor, filter)
    .select(['f.employment', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('f.employment')
    .execute();

/** The person's active professional account and its employer, for the employer's 离职 / 退休 mark. */
export const findEmployee = (db: DbOrTx, personId: string) =>
  db
    .selectFrom('account as a')
    .innerJoin('professionalProfile as f', 'f.accountId', 'a.id')
    .innerJoin('person as p', 'p.id', 'a.personId')
    .select(['a.id as accountId', 'a.orgId', 'p.name', 'f.employment', 'f.employmentSince'])
    .where('a.personId', '=', personId)
    .where('a.kind', '=', 'professional')
    .where('a.status', '=', 'active')
    .executeTakeFirst();

/** Sets the mark unless someone changed it meanwhile (`from`); false then. */
export const setEmployment = async (db: DbOrTx, m: { accountId: string; from: Employment; to: Employment; since: string | null; now: Date }) =>
  Boolean(
    await db
      .updateTable('professionalProfile')
      .set({ employment: m.to, employmentSince: m.since, updatedAt: m.now })
      .where('accountId', '=', m.accountId)
      .where('employment', '=', m.from)
      .returning('accountId')
      .executeTakeFirst(),
  );
