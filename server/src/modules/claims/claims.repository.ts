import { sql } from 'kysely';
import type { LearningCategory } from '@cep/contracts';
import type { DbOrTx } from '../../platform/db/database';
import { inOrgScope } from '../../platform/auth/scope';
import { isRequestOfPerson } from '../reviews';

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
  // First the people's request ids (two index lookups), then those requests by primary key (see `isRequestOfPerson`).
  const { rows: theirs } = await sql<{ personId: string; requestId: string }>`
    select applicant_person_id as "personId", id as "requestId" from request
      where applicant_person_id = any(${q.personIds}::uuid[]) and kind = ${q.ownKind}
    union all
    select person_id, request_id from request_participant where person_id = any(${q.personIds}::uuid[])`.execute(db);
  if (theirs.length === 0) return [];
  const { rows } = await sql<{ id: string; title: string; formCode: string | null; hours: string | null; startDate: string; endDate: string }>`
    select id, title, payload->>'formCode' as "formCode", payload->>'hours' as hours,
      payload->>'startDate' as "startDate", payload->>'endDate' as "endDate"
    from request
    where id = any(${theirs.map((t) => t.requestId)}::uuid[]) and status in ('pending', 'inReview', 'approved')
      and payload->>'startDate' <= ${q.endDate} and payload->>'endDate' >= ${q.startDate}`.execute(db);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return theirs.flatMap(({ personId, requestId }) => {
    const r = byId.get(requestId);
    return r && r.hours !== null
      ? [{ personId, title: r.title, formCode: r.formCode, hours: Number(r.hours), startDate: r.startDate, endDate: r.endDate }]
      : [];
  });
};

/**
 * The people's current records from learning platforms (学时对接) on days between start and end: each counts whole on
 * its completion day, so that a claim cannot put that day over the limit either.
 */
export const findSyncedDayLoads = async (db: DbOrTx, q: { personIds: string[]; startDate: string; endDate: string }) => {
  const { rows } = await sql<{ personId: string; title: string; hours: number; startDate: string; endDate: string }>`
    select person_id as "personId", '学习平台对接：' || course as title, hours::float8 as hours,
      completed_on::text as "startDate", completed_on::text as "endDate"
    from sync_record
    where person_id = any(${q.personIds}::uuid[]) and completed_on between ${q.startDate} and ${q.endDate} and superseded_at is null`.execute(db);
  return rows;
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

/** The person's open or approved claims of a form, theirs or filed for them. */
const claimsOfPerson = (db: DbOrTx, q: { personId: string; kind: string; formCode: string }) =>
  db
    .selectFrom('request')
    .where(isRequestOfPerson('request.id', q.personId))
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
  /** Given when the caller links the record elsewhere (a synced record); made by the database otherwise. */
  id?: string;
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
    id: r.id ?? null,
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
      insert into hours_record (id, person_id, credit_year, category, hours, full_year, source, request_id, form_code, title, created_at)
      select coalesce(x.id, gen_random_uuid()), x.person_id, x.credit_year, x.category, x.hours, x.full_year, x.source, x.request_id, x.form_code, x.title, ${now}
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id uuid, person_id uuid, credit_year int, category text, hours numeric,
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
 * transaction (see `recountYears`).
 */
export const reverseHours = async (db: DbOrTx, requestId: string, now: Date) =>
  recountYears(db, await db.deleteFrom('hoursRecord').where('requestId', '=', requestId).returning(['personId', 'creditYear']).execute(), now);

/** Removes these records (a synced record corrected by its source) and recounts their person-years. */
export const removeHoursRecords = async (db: DbOrTx, ids: string[], now: Date) => {
  if (ids.length === 0) return;
  await recountYears(db, await db.deleteFrom('hoursRecord').where('id', 'in', ids).returning(['personId', 'creditYear']).execute(), now);
};

/**
 * Sums the person-years of removed records again from what remains: the person-years are locked, then summed.
 * Locking before summing means an approval for the same person either committed first (and is counted) or adds its
 * hours after.
 */
const recountYears = async (db: DbOrTx, removed: { personId: string; creditYear: number }[], now: Date) => {
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
