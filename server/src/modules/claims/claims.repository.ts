import { sql } from 'kysely';
import type { LearningCategory } from '@cep/contracts';
import type { DbOrTx } from '../../platform/db/database';

export const findOrgForRoute = (db: DbOrTx, orgId: string) =>
  db.selectFrom('org').select(['id', 'kind', 'superiorId', 'regionCode', 'status']).where('id', '=', orgId).executeTakeFirst();

export const findBureauOfRegion = (db: DbOrTx, regionCode: string) =>
  db.selectFrom('org').select('id').where('kind', '=', 'hrBureau').where('regionCode', '=', regionCode).executeTakeFirst();

/** The person's open or approved claims of one form whose dates overlap [start, end] (the same activity twice). */
export const findOverlappingClaim = (db: DbOrTx, q: { personId: string; kind: string; formCode: string; startDate: string; endDate: string }) =>
  db
    .selectFrom('request')
    .select(['id', 'title'])
    .where('applicantPersonId', '=', q.personId)
    .where('kind', '=', q.kind)
    .where('status', 'in', ['pending', 'inReview', 'approved'])
    .where(sql<string>`payload->>'formCode'`, '=', q.formCode)
    .where(sql<string>`payload->>'startDate'`, '<=', q.endDate)
    .where(sql<string>`payload->>'endDate'`, '>=', q.startDate)
    .executeTakeFirst();

export type NewHoursRecord = {
  personId: string;
  creditYear: number;
  category: LearningCategory;
  hours: number;
  fullYear: boolean;
  source: 'claim' | 'proxyClaim' | 'unitClaim' | 'sync';
  requestId: string;
  formCode: string | null;
  title: string;
};

/**
 * Credits records and adds them to their person-years in the caller's transaction (an approval's): the summary
 * row is created on first use and locked by its update, so concurrent approvals for one person add up.
 */
export const creditHours = async (db: DbOrTx, records: NewHoursRecord[], now: Date) => {
  if (records.length === 0) return;
  await db
    .insertInto('hoursRecord')
    .values(records.map((r) => ({ ...r, createdAt: now })))
    .execute();
  for (const r of records) {
    const pub = r.category === 'public';
    await db
      .insertInto('personYear')
      .values({
        personId: r.personId,
        creditYear: r.creditYear,
        publicHours: pub ? r.hours : 0,
        specializedHours: pub ? 0 : r.hours,
        publicFullYear: pub && r.fullYear,
        specializedFullYear: !pub && r.fullYear,
        updatedAt: now,
      })
      .onConflict((oc) =>
        oc.columns(['personId', 'creditYear']).doUpdateSet((eb) => ({
          publicHours: eb('personYear.publicHours', '+', eb.ref('excluded.publicHours')),
          specializedHours: eb('personYear.specializedHours', '+', eb.ref('excluded.specializedHours')),
          publicFullYear: sql<boolean>`person_year.public_full_year or excluded.public_full_year`,
          specializedFullYear: sql<boolean>`person_year.specialized_full_year or excluded.specialized_full_year`,
          updatedAt: now,
        })),
      )
      .execute();
  }
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
