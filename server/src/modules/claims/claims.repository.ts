import { sql } from 'kysely';
import type { LearningCategory } from '@cep/contracts';
import type { DbOrTx } from '../../platform/db/database';
import { inOrgScope } from '../../platform/auth/scope';

export const findOrgForRoute = (db: DbOrTx, orgId: string) =>
  db.selectFrom('org').select(['id', 'kind', 'superiorId', 'regionCode', 'status']).where('id', '=', orgId).executeTakeFirst();

export const findBureauOfRegion = (db: DbOrTx, regionCode: string) =>
  db.selectFrom('org').select('id').where('kind', '=', 'hrBureau').where('regionCode', '=', regionCode).executeTakeFirst();

/**
 * Holds the people's claims still until the transaction ends: one claim of a person is filed at a time, whoever files
 * it (the person, or a unit for its attendees). Taken in one order, so two filings of overlapping people cannot deadlock.
 */
export const lockClaimsOf = async (db: DbOrTx, personIds: string[]) => {
  await sql`select pg_advisory_xact_lock(hashtext('claim:' || p)) from unnest(${[...new Set(personIds)].sort()}::text[]) as p order by p`.execute(db);
};

/**
 * The people's open or approved claims whose dates meet [start, end], for the 8-hour day: those they filed
 * (`ownKind`) and those filed for them (a unit's or a provider's, as a participant), with the hours each earns.
 */
export const findDailyLoads = async (db: DbOrTx, q: { personIds: string[]; ownKind: string; startDate: string; endDate: string }) => {
  const { rows } = await sql<{ personId: string; title: string; formCode: string | null; hours: string | null; startDate: string; endDate: string }>`
    with theirs as (
      select id, applicant_person_id as person_id from request where applicant_person_id = any(${q.personIds}::uuid[]) and kind = ${q.ownKind}
      union all
      select request_id, person_id from request_participant where person_id = any(${q.personIds}::uuid[])
    )
    select t.person_id as "personId", r.title, r.payload->>'formCode' as "formCode", r.payload->>'hours' as hours,
      r.payload->>'startDate' as "startDate", r.payload->>'endDate' as "endDate"
    from theirs t join request r on r.id = t.id
    where r.status in ('pending', 'inReview', 'approved')
      and r.payload->>'startDate' <= ${q.endDate} and r.payload->>'endDate' >= ${q.startDate}`.execute(db);
  return rows.flatMap((r) => (r.hours === null ? [] : [{ ...r, hours: Number(r.hours) }]));
};

/** The active professional with this ID number whose employer is in the admin's data scope (`orgPath` and below). */
export const findProfessionalInScope = (db: DbOrTx, orgPath: string, idNumber: string) =>
  db
    .selectFrom('account as a')
    .innerJoin('person as p', 'p.id', 'a.personId')
    .innerJoin('org as o', 'o.id', 'a.orgId')
    .select(['p.id as personId', 'p.name', 'p.idNumber', 'o.id as orgId', 'o.name as employerName'])
    .where('p.idNumber', '=', idNumber)
    .where('a.kind', '=', 'professional')
    .where('a.status', '=', 'active')
    .where(inOrgScope({ orgPath }, 'o.path'))
    .executeTakeFirst();

/**
 * The person's open or approved claims of a form, theirs or filed for them: read from the person's few request ids
 * (two index lookups) into the requests, never by scanning the requests of the kind.
 */
const claimsOfPerson = (db: DbOrTx, q: { personId: string; kind: string; formCode: string }) =>
  db
    .selectFrom((eb) =>
      eb
        .selectFrom('request')
        .select('id')
        .where('applicantPersonId', '=', q.personId)
        .unionAll(eb.selectFrom('requestParticipant').select('requestId as id').where('personId', '=', q.personId))
        .as('theirs'),
    )
    .innerJoin('request', 'request.id', 'theirs.id')
    .where('request.kind', '=', q.kind)
    .where('request.status', 'in', ['pending', 'inReview', 'approved'])
    .where(sql<string>`request.payload->>'formCode'`, '=', q.formCode);

/** The person's open or approved claims of one form whose dates overlap [start, end] (the same activity twice), theirs or filed for them. */
export const findOverlappingClaim = (db: DbOrTx, q: { personId: string; kind: string; formCode: string; startDate: string; endDate: string }) =>
  claimsOfPerson(db, q)
    .select(['request.id', 'request.title'])
    .where(sql<string>`request.payload->>'startDate'`, '<=', q.endDate)
    .where(sql<string>`request.payload->>'endDate'`, '>=', q.startDate)
    .executeTakeFirst();

/** The 学习内容 of the person's open or approved claims of one form, with their titles (a paper or a patent claimed before). */
export const findClaimedContents = (db: DbOrTx, q: { personId: string; kind: string; formCode: string }) =>
  claimsOfPerson(db, q)
    .select(['request.title', sql<string>`request.payload->>'title'`.as('content')])
    .execute();

export type NewHoursRecord = {
  personId: string;
  creditYear: number;
  category: LearningCategory;
  hours: number;
  fullYear: boolean;
  source: 'claim' | 'proxyClaim' | 'unitClaim' | 'sync';
  requestId: string | null;
  formCode: string | null;
  title: string;
};

/**
 * Credits records and adds them to their person-years, in the caller's transaction (an approval's) and in one
 * statement (a batch approval runs it once per item): the summary row is created on first use and locked by its
 * update, so concurrent approvals for one person add up.
 */
export const creditHours = async (db: DbOrTx, records: NewHoursRecord[], now: Date) => {
  if (records.length === 0) return;
  const rows = records.map((r) => ({
    person_id: r.personId,
    credit_year: r.creditYear,
    category: r.category,
    hours: r.hours,
    full_year: r.fullYear,
    source: r.source,
    request_id: r.requestId,
    form_code: r.formCode,
    title: r.title,
  }));
  await sql`
    with credited as (
      insert into hours_record (person_id, credit_year, category, hours, full_year, source, request_id, form_code, title, created_at)
      select x.person_id, x.credit_year, x.category, x.hours, x.full_year, x.source, x.request_id, x.form_code, x.title, ${now}
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(person_id uuid, credit_year int, category text, hours numeric,
        full_year boolean, source text, request_id uuid, form_code text, title text)
      returning person_id, credit_year, category, hours, full_year
    )
    insert into person_year as y (person_id, credit_year, public_hours, specialized_hours, public_full_year, specialized_full_year, updated_at)
    select person_id, credit_year,
      sum(case when category = 'public' then hours else 0 end), sum(case when category = 'specialized' then hours else 0 end),
      bool_or(category = 'public' and full_year), bool_or(category = 'specialized' and full_year), ${now}
    from credited group by person_id, credit_year
    on conflict (person_id, credit_year) do update set
      public_hours = y.public_hours + excluded.public_hours,
      specialized_hours = y.specialized_hours + excluded.specialized_hours,
      public_full_year = y.public_full_year or excluded.public_full_year,
      specialized_full_year = y.specialized_full_year or excluded.specialized_full_year,
      updated_at = excluded.updated_at`.execute(db);
};

/**
 * Takes back the records a request credited (审验不通过) and recounts their person-years, in the caller's
 * transaction: the records go, the person-years are locked, then summed again from what remains. Locking before
 * summing means an approval for the same person either committed first (and is counted) or adds its hours after.
 */
export const reverseHours = async (db: DbOrTx, requestId: string, now: Date) => {
  const removed = await db.deleteFrom('hoursRecord').where('requestId', '=', requestId).returning(['personId', 'creditYear']).execute();
  if (removed.length === 0) return;
  const years = [...new Map(removed.map((r) => [`${r.personId}:${r.creditYear}`, r])).values()];
  const keys = sql.join(years.map((r) => sql`(${r.personId}::uuid, ${r.creditYear}::int)`));
  await sql`select 1 from person_year where (person_id, credit_year) in (${keys}) order by person_id, credit_year for update`.execute(db);
  await sql`
    update person_year as y set
      public_hours = coalesce(s.public_hours, 0), specialized_hours = coalesce(s.specialized_hours, 0),
      public_full_year = coalesce(s.public_full_year, false), specialized_full_year = coalesce(s.specialized_full_year, false),
      updated_at = ${now}
    from (values ${keys}) as k (person_id, credit_year)
    left join lateral (
      select sum(case when category = 'public' then hours else 0 end) as public_hours,
        sum(case when category = 'specialized' then hours else 0 end) as specialized_hours,
        bool_or(category = 'public' and full_year) as public_full_year,
        bool_or(category = 'specialized' and full_year) as specialized_full_year
      from hours_record h where h.person_id = k.person_id and h.credit_year = k.credit_year
    ) as s on true
    where y.person_id = k.person_id and y.credit_year = k.credit_year`.execute(db);
};

export const listPersonYears = (db: DbOrTx, personId: string) =>
  db
    .selectFrom('personYear')
    .select([
      'creditYear',
      sql<number>`public_hours::float8`.as('publicHours'),
      sql<number>`specialized_hours::float8`.as('specializedHours'),
      'publicFullYear',
      'specializedFullYear',
    ])
    .where('personId', '=', personId)
    .orderBy('creditYear', 'desc')
    .execute();
