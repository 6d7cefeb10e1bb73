import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db/database';
import { inOrgScope } from '../../platform/auth/scope';

/**
 * The professional as the standard and the certificate name them: their title, their employer (its region sets the
 * standard, its bureau issues the certificate) and when they registered.
 */
export const findProfessionalFacts = (db: DbOrTx, personId: string) =>
  db
    .selectFrom('account as a')
    .innerJoin('person as p', 'p.id', 'a.personId')
    .innerJoin('professionalProfile as pp', 'pp.accountId', 'a.id')
    .innerJoin('org as o', 'o.id', 'a.orgId')
    .leftJoin('org as b', (join) => join.onRef('b.regionCode', '=', 'o.regionCode').on('b.kind', '=', 'hrBureau'))
    .select([
      'p.name',
      'p.idNumber',
      'o.id as orgId',
      'o.name as employerName',
      'o.regionCode',
      'o.path as orgPath',
      'pp.titleSeries',
      'pp.titleLevel',
      'a.createdAt',
      'b.id as bureauId',
      'b.name as bureauName',
    ])
    .where('a.personId', '=', personId)
    .where('a.kind', '=', 'professional')
    // The live account (one per person, a unique index): not a rejected or withdrawn registration.
    .where('a.status', 'in', ['pending', 'active', 'disabled'])
    .orderBy('a.createdAt', 'desc')
    .executeTakeFirst();

/** Every hours record of the person, newest first, with the learning platform of a synced one (a person has tens a year). */
export const listRecords = (db: DbOrTx, personId: string) =>
  db
    .selectFrom('hoursRecord as h')
    .leftJoin('syncRecord as sr', 'sr.hoursRecordId', 'h.id')
    .leftJoin('syncSource as ss', 'ss.id', 'sr.sourceId')
    .select([
      'h.id',
      'h.creditYear',
      'h.title',
      'h.category',
      sql<number>`h.hours::float8`.as('hours'),
      'h.fullYear',
      'h.source',
      'h.requestId',
      'h.createdAt',
      'ss.name as sourceName',
    ])
    .where('h.personId', '=', personId)
    .orderBy('h.createdAt', 'desc')
    .execute();

/**
 * 电子证书查询打印: the professionals under `orgPath` with this ID number, or this exact name (as on the ID card), at
 * most 20 (a common name in a province is for narrowing by year and employer, not for browsing).
 */
export const findPeopleInScope = (db: DbOrTx, orgPath: string, by: { idNumber: string } | { name: string }) => {
  let q = db
    .selectFrom('account as a')
    .innerJoin('person as p', 'p.id', 'a.personId')
    .innerJoin('org as o', 'o.id', 'a.orgId')
    .select(['p.id as personId', 'p.name', 'p.idNumber', 'o.name as employerName'])
    .where('a.kind', '=', 'professional')
    .where('a.status', 'in', ['active', 'disabled'])
    .where(inOrgScope({ orgPath }, 'o.path'));
  q = 'idNumber' in by ? q.where('p.idNumber', '=', by.idNumber) : q.where('p.name', '=', by.name);
  return q.orderBy('o.name').orderBy('p.id').limit(20).execute();
};
