import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db/database';
import type { Sponsor } from './training.sponsors';

/** One claim under a plan at a time, so two submissions cannot both find an attendee unclaimed. */
export const lockPlan = async (db: DbOrTx, planId: string) => {
  await sql`select pg_advisory_xact_lock(hashtext(${`plan:${planId}`}))`.execute(db);
};

/** The org's own plan (another org's plan, or another sponsor kind's, reads as missing). */
export const findOwnPlan = (db: DbOrTx, sponsor: Sponsor, planId: string, orgId: string) =>
  db
    .selectFrom('request')
    .select(['id', 'status', 'payload'])
    .where('id', '=', planId)
    .where('kind', '=', sponsor.planKind)
    .where('subjectOrgId', '=', orgId)
    .executeTakeFirst();

/** The org's plans, newest first, with their current reviewer and how many people have hours filed under each. */
export const pagePlans = async (db: DbOrTx, sponsor: Sponsor, orgId: string, page: number, pageSize: number) => {
  const base = db.selectFrom('request as r').where('r.kind', '=', sponsor.planKind).where('r.subjectOrgId', '=', orgId);
  const total = Number((await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base
    .leftJoin('org as o', 'o.id', 'r.currentReviewerOrgId')
    .select(['r.id', 'r.status', 'r.payload', 'r.createdAt', 'o.name as currentReviewerOrgName'])
    .select(
      sql<number>`(select coalesce(sum(jsonb_array_length(c.payload->'attendees')), 0)::int from request c
        where c.kind = ${sponsor.claimKind} and c.subject_org_id = r.subject_org_id and c.payload->>'planId' = r.id::text
          and c.status in ('pending', 'inReview', 'approved'))`.as('claimedPeople'),
    )
    .orderBy('r.createdAt', 'desc')
    .orderBy('r.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total, rows };
};

const activeProfessionals = (db: DbOrTx) =>
  db
    .selectFrom('account as a')
    .innerJoin('person as p', 'p.id', 'a.personId')
    .select(['p.id as personId', 'p.name', 'p.idNumber'])
    .where('a.kind', '=', 'professional')
    .where('a.status', '=', 'active');

/** The org's active professionals matching a name or ID-number prefix, for the attendee picker. */
export const searchStaff = (db: DbOrTx, orgId: string, keyword: string | undefined) => {
  let q = activeProfessionals(db).where('a.orgId', '=', orgId);
  if (keyword) q = q.where((eb) => eb.or([eb('p.name', 'like', `%${keyword}%`), eb('p.idNumber', 'like', `${keyword}%`)]));
  return q.orderBy('p.name').limit(50).execute();
};

/** Those of `personIds` who are active professionals of the org. */
export const findStaff = (db: DbOrTx, orgId: string, personIds: string[]) =>
  activeProfessionals(db).where('a.orgId', '=', orgId).where('p.id', 'in', personIds).execute();

/** The registered, active professionals with these ID numbers, anywhere in the province, with their employer. */
export const findProfessionalsByIdNumber = (db: DbOrTx, idNumbers: string[]) =>
  activeProfessionals(db).innerJoin('org as o', 'o.id', 'a.orgId').select('o.name as employerName').where('p.idNumber', 'in', idNumbers).execute();

/** Those of `personIds` already in an open or approved claim under the plan. */
export const findClaimedUnder = async (db: DbOrTx, sponsor: Sponsor, planId: string, personIds: string[]) => {
  const rows = await db
    .selectFrom('requestParticipant as x')
    .innerJoin('request as r', 'r.id', 'x.requestId')
    .select('x.personId')
    .distinct()
    .where('r.kind', '=', sponsor.claimKind)
    .where(sql<string>`r.payload->>'planId'`, '=', planId)
    .where('r.status', 'in', ['pending', 'inReview', 'approved'])
    .where('x.personId', 'in', personIds)
    .execute();
  return rows.map((r) => r.personId);
};

/** What the platform recorded of a provider's year: plans approved that ended in it, and its approved proxy claims' people and hours. */
export const providerYearFigures = async (db: DbOrTx, sponsor: Sponsor, providerId: string, year: number) => {
  const { rows } = await sql<{ plans: number; attendances: number; hours: string }>`
    select
      (select count(*)::int from request where kind = ${sponsor.planKind} and subject_org_id = ${providerId}
        and status = 'approved' and left(payload->>'endDate', 4) = ${String(year)}) as plans,
      coalesce(sum(jsonb_array_length(payload->'attendees')), 0)::int as attendances,
      coalesce(sum(jsonb_array_length(payload->'attendees') * (payload->>'hours')::numeric), 0)::text as hours
    from request
    where kind = ${sponsor.claimKind} and subject_org_id = ${providerId} and status = 'approved' and credit_year = ${year}`.execute(db);
  const row = rows[0]!;
  return { plans: row.plans, attendances: row.attendances, hours: Number(row.hours) };
};

/** One report a year: the provider's open or approved report of the year, if any. */
export const findLiveReport = (db: DbOrTx, kind: string, providerId: string, year: number) =>
  db
    .selectFrom('request')
    .select(['id', 'status'])
    .where('kind', '=', kind)
    .where('subjectOrgId', '=', providerId)
    .where('status', 'in', ['pending', 'inReview', 'approved'])
    .where(sql<number>`(payload->>'year')::int`, '=', year)
    .executeTakeFirst();

/** One report of the org and year filed at a time. */
export const lockReportYear = async (db: DbOrTx, providerId: string, year: number) => {
  await sql`select pg_advisory_xact_lock(hashtext(${`report:${providerId}:${year}`}))`.execute(db);
};
