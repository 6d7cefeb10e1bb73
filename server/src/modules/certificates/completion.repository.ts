import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db/database';

/** What a person's standard depends on: their title level, their employer's region and when they registered. */
export const findStandardFacts = (db: DbOrTx, personId: string) =>
  db
    .selectFrom('account as a')
    .innerJoin('professionalProfile as pp', 'pp.accountId', 'a.id')
    .innerJoin('org as o', 'o.id', 'a.orgId')
    .select(['pp.titleLevel', 'o.regionCode', 'a.createdAt'])
    .where('a.personId', '=', personId)
    .where('a.kind', '=', 'professional')
    .orderBy('a.createdAt', 'desc')
    .executeTakeFirst();

/** The person's summaries, one per year with records. */
export const listYears = (db: DbOrTx, personId: string) =>
  db
    .selectFrom('personYear')
    .select([
      'creditYear',
      sql<number>`public_hours::float8`.as('public'),
      sql<number>`specialized_hours::float8`.as('specialized'),
      'publicFullYear',
      'specializedFullYear',
    ])
    .where('personId', '=', personId)
    .execute();

/** Every hours record of the person, newest first (a person has tens a year, not thousands). */
export const listRecords = (db: DbOrTx, personId: string) =>
  db
    .selectFrom('hoursRecord')
    .select(['id', 'creditYear', 'title', 'category', sql<number>`hours::float8`.as('hours'), 'fullYear', 'source', 'requestId', 'createdAt'])
    .where('personId', '=', personId)
    .orderBy('createdAt', 'desc')
    .execute();
