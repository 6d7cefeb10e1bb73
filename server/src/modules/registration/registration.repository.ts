import { randomUUID } from 'node:crypto';
import { sql, type Insertable } from 'kysely';
import type { DbOrTx } from '../../platform/db/database';
import type { OrgTable } from '../../platform/db/core.tables';
import type { ProfessionalProfileTable } from './registration.tables';

type OrgStatus = OrgTable['status'];
const LIVE: OrgStatus[] = ['pending', 'active', 'disabled'];

export const findPersonByIdNumber = (db: DbOrTx, idNumber: string) =>
  db.selectFrom('person').select(['id', 'name', 'phone', 'email', 'passwordHash']).where('idNumber', '=', idNumber).executeTakeFirst();

export type PersonRow = NonNullable<Awaited<ReturnType<typeof findPersonByIdNumber>>>;

/** The person's accounts that still count: pending, active or disabled (rejected and withdrawn ones free the slot). */
export const liveAccountsOf = (db: DbOrTx, personId: string) =>
  db.selectFrom('account').select(['id', 'kind', 'orgId', 'status']).where('personId', '=', personId).where('status', 'in', LIVE).execute();

/** Serializes two registrations of one person (a re-registration checks the live accounts under this lock). */
export const lockPerson = async (db: DbOrTx, personId: string) => {
  await db.selectFrom('person').select('id').where('id', '=', personId).forUpdate().execute();
};

export const insertPerson = async (
  db: DbOrTx,
  values: { idNumber: string; name: string; phone: string; email: string; passwordHash: string; now: Date },
) =>
  (
    await db
      .insertInto('person')
      .values({ idNumber: values.idNumber, name: values.name, phone: values.phone, email: values.email, passwordHash: values.passwordHash, passwordChangedAt: values.now, createdAt: values.now })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

/** A person whose every registration was rejected or withdrawn registers afresh: their details are replaced. */
/**
 * Sets aside a person whose every account ended, so that the ID number is free for a new person: the old row keeps
 * its history (requests, messages, invitations, authenticator) under `<ID>#<person id>`, which no login matches.
 */
export const archivePerson = async (db: DbOrTx, personId: string) => {
  await db
    .updateTable('person')
    .set({ idNumber: sql<string>`id_number || '#' || id::text` })
    .where('id', '=', personId)
    .execute();
};

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

export type NewOrg = Pick<Insertable<OrgTable>, 'kind' | 'name' | 'creditCode' | 'nature' | 'orgLevel' | 'industry' | 'address' | 'phone' | 'email' | 'contactName'>;

/** A pending org under `superior`, its path computed from the superior's (the id is made here so one insert suffices). */
export const insertPendingOrg = async (db: DbOrTx, org: NewOrg, superior: Pick<OrgRow, 'id' | 'path' | 'regionCode'>, now: Date) => {
  const id = randomUUID();
  await db
    .insertInto('org')
    .values({ ...org, id, regionCode: superior.regionCode, superiorId: superior.id, path: `${superior.path}${id}/`, status: 'pending', createdAt: now, updatedAt: now })
    .execute();
  return id;
};

export const insertPendingAccount = async (db: DbOrTx, values: { personId: string; kind: 'professional' | 'admin'; orgId: string; now: Date }) =>
  (
    await db
      .insertInto('account')
      .values({ personId: values.personId, kind: values.kind, orgId: values.orgId, isSuperAdmin: values.kind === 'admin', status: 'pending', createdAt: values.now })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

export const insertProfessionalProfile = async (db: DbOrTx, values: Insertable<ProfessionalProfileTable>) => {
  await db.insertInto('professionalProfile').values(values).execute();
};

/** Moves a registration's org and account out of pending; a row already moved is left as it is. */
export const settleRegistration = async (db: DbOrTx, ids: { orgId: string | null; accountId: string }, status: 'active' | 'rejected' | 'withdrawn', now: Date) => {
  if (ids.orgId) {
    await db.updateTable('org').set({ status, updatedAt: now }).where('id', '=', ids.orgId).where('status', '=', 'pending').execute();
  }
  await db.updateTable('account').set({ status }).where('id', '=', ids.accountId).where('status', '=', 'pending').execute();
};

/** Active employers whose name contains the keyword, best trigram match first (pg_trgm). */
export const searchActiveEmployers = (db: DbOrTx, keyword: string, limit: number) =>
  db
    .selectFrom('org as o')
    .innerJoin('region as g', 'g.code', 'o.regionCode')
    .select(['o.id', 'o.name', 'g.fullName as regionName', 'o.isPlaceholder'])
    .where('o.kind', '=', 'employer')
    .where('o.status', '=', 'active')
    .where('o.name', 'ilike', `%${keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
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
  if (filter.keyword) q = q.where('o.name', 'ilike', `%${filter.keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return q.orderBy('o.regionCode').orderBy('o.name').limit(filter.limit).execute();
};
