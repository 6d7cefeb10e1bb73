import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db/database';
import type { AccountTable } from '../../platform/db/core.tables';
import { containsPattern } from '../../platform/db/like';

const LIVE: AccountTable['status'][] = ['pending', 'active', 'disabled'];

export const findPersonByIdNumber = (db: DbOrTx, idNumber: string) =>
  db.selectFrom('person').select(['id', 'name', 'phone', 'email', 'passwordHash']).where('idNumber', '=', idNumber).executeTakeFirst();

export type PersonRow = NonNullable<Awaited<ReturnType<typeof findPersonByIdNumber>>>;

/** The person's accounts that still count: pending, active or disabled (rejected and withdrawn ones free the slot). */
export const liveAccountsOf = (db: DbOrTx, personId: string) =>
  db.selectFrom('account').select(['id', 'kind', 'orgId', 'status']).where('personId', '=', personId).where('status', 'in', LIVE).execute();

export const findOrg = (db: DbOrTx, orgId: string) =>
  db
    .selectFrom('org as o')
    .innerJoin('region as g', 'g.code', 'o.regionCode')
    .select(['o.id', 'o.kind', 'o.name', 'o.status', 'o.regionCode', 'o.path', 'o.phone', 'o.isPlaceholder', 'g.fullName as regionName'])
    .where('o.id', '=', orgId)
    .executeTakeFirst();

export type OrgRow = NonNullable<Awaited<ReturnType<typeof findOrg>>>;

export const findBureauOfRegion = async (db: DbOrTx, regionCode: string) => {
  const row = await db.selectFrom('org').select('id').where('kind', '=', 'hrBureau').where('regionCode', '=', regionCode).executeTakeFirst();
  return row ? findOrg(db, row.id) : undefined;
};

export const findRegion = (db: DbOrTx, code: string) =>
  db.selectFrom('region').select(['code', 'name', 'fullName', 'level', 'parentCode']).where('code', '=', code).executeTakeFirst();

export const isCreditCodeTaken = async (db: DbOrTx, creditCode: string) =>
  Boolean(await db.selectFrom('org').select('id').where('creditCode', '=', creditCode).where('status', 'in', LIVE).executeTakeFirst());

/** Active employers whose name contains the keyword, best trigram match first (pg_trgm). */
export const searchActiveEmployers = (db: DbOrTx, keyword: string, limit: number) =>
  db
    .selectFrom('org as o')
    .innerJoin('region as g', 'g.code', 'o.regionCode')
    .select(['o.id', 'o.name', 'g.fullName as regionName', 'o.isPlaceholder'])
    .where('o.kind', '=', 'employer')
    .where('o.status', '=', 'active')
    .where('o.name', 'ilike', containsPattern(keyword))
    .orderBy(sql`similarity(o.name, ${keyword})`, 'desc')
    .orderBy('o.name')
    .limit(limit)
    .execute();

/** Active orgs of one kind in the given regions, for the superior choices of the forms. */
export const listActiveOrgs = (
  db: DbOrTx,
  filter: { kind: 'authority' | 'employer' | 'hrBureau'; regionCodes: string[] | null; keyword: string | null; limit: number },
) => {
  let q = db
    .selectFrom('org as o')
    .innerJoin('region as g', 'g.code', 'o.regionCode')
    .select(['o.id', 'o.name', 'o.regionCode', 'g.fullName as regionName'])
    .where('o.kind', '=', filter.kind)
    .where('o.status', '=', 'active');
  if (filter.regionCodes) q = q.where('o.regionCode', 'in', filter.regionCodes);
  if (filter.keyword) q = q.where('o.name', 'ilike', containsPattern(filter.keyword));
  return q.orderBy('o.regionCode').orderBy('o.name').limit(filter.limit).execute();
};
