import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db/database';

export const PLAN_KIND = 'plan.unit';
export const UNIT_CLAIM_KIND = 'claim.unit';

/** One claim under a plan at a time, so two submissions cannot both find an attendee unclaimed. */
export const lockPlan = async (db: DbOrTx, planId: string) => {
  await sql`select pg_advisory_xact_lock(hashtext(${`plan:${planId}`}))`.execute(db);
};

/** The org's own plan (another org's plan reads as missing). */
export const findOwnPlan = (db: DbOrTx, planId: string, orgId: string) =>
  db
    .selectFrom('request')
    .select(['id', 'status', 'payload'])
    .where('id', '=', planId)
    .where('kind', '=', PLAN_KIND)
    .where('subjectOrgId', '=', orgId)
    .executeTakeFirst();

/** The org's plans, newest first, with their current reviewer and how many people have hours filed under each. */
export const pagePlans = async (db: DbOrTx, orgId: string, page: number, pageSize: number) => {
  const base = db.selectFrom('request as r').where('r.kind', '=', PLAN_KIND).where('r.subjectOrgId', '=', orgId);
  const total = Number((await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base
    .leftJoin('org as o', 'o.id', 'r.currentReviewerOrgId')
    .select(['r.id', 'r.status', 'r.payload', 'r.createdAt', 'o.name as currentReviewerOrgName'])
    .select(
      sql<number>`(select coalesce(sum(jsonb_array_length(c.payload->'attendees')), 0)::int from request c
        where c.kind = ${UNIT_CLAIM_KIND} and c.subject_org_id = r.subject_org_id and c.payload->>'planId' = r.id::text
          and c.status in ('pending', 'inReview', 'approved'))`.as('claimedPeople'),
    )
    .orderBy('r.createdAt', 'desc')
    .orderBy('r.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total, rows };
};

const activeProfessionals = (db: DbOrTx, orgId: string) =>
  db
    .selectFrom('account as a')
    .innerJoin('person as p', 'p.id', 'a.personId')
    .select(['p.id as personId', 'p.name', 'p.idNumber'])
    .where('a.orgId', '=', orgId)
    .where('a.kind', '=', 'professional')
    .where('a.status', '=', 'active');

/** The org's active professionals matching a name or ID-number prefix, for the attendee picker. */
export const searchStaff = (db: DbOrTx, orgId: string, keyword: string | undefined) => {
  let q = activeProfessionals(db, orgId);
  if (keyword) q = q.where((eb) => eb.or([eb('p.name', 'like', `%${keyword}%`), eb('p.idNumber', 'like', `${keyword}%`)]));
  return q.orderBy('p.name').limit(50).execute();
};

/** Those of `personIds` who are active professionals of the org. */
export const findStaff = (db: DbOrTx, orgId: string, personIds: string[]) => activeProfessionals(db, orgId).where('p.id', 'in', personIds).execute();

/** Those of `personIds` already in an open or approved claim under the plan. */
export const findClaimedUnder = async (db: DbOrTx, planId: string, personIds: string[]) => {
  const { rows } = await sql<{ personId: string }>`
    select distinct x->>'personId' as "personId"
    from request r cross join lateral jsonb_array_elements(r.payload->'attendees') as x
    where r.kind = ${UNIT_CLAIM_KIND} and r.payload->>'planId' = ${planId}
      and r.status in ('pending', 'inReview', 'approved') and x->>'personId' = any(${personIds}::text[])`.execute(db);
  return rows.map((r) => r.personId);
};
