import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db/database';

/** The professional's own facts for 用户资料管理. */
export const findMyProfile = (db: DbOrTx, accountId: string) =>
  db
    .selectFrom('account as a')
    .innerJoin('person as p', 'p.id', 'a.personId')
    .innerJoin('org as o', 'o.id', 'a.orgId')
    .innerJoin('professionalProfile as f', 'f.accountId', 'a.id')
    .select([
      'a.id as accountId',
      'a.orgId',
      'a.status',
      'p.name',
      'p.idNumber',
      'p.phone',
      'p.email',
      'o.name as employerName',
      'f.gender',
      'f.birthDate',
      'f.titleSeries',
      'f.titleLevel',
      'f.titleObtainedOn',
      'f.major',
      'f.employment',
    ])
    .where('a.id', '=', accountId)
    .where('a.kind', '=', 'professional')
    .executeTakeFirst();

/** The person's open request of one change kind (one at a time). */
export const findOpenChange = (db: DbOrTx, personId: string, kind: string) =>
  db
    .selectFrom('request')
    .select(['id', 'title', 'status'])
    .where('applicantPersonId', '=', personId)
    .where('kind', '=', kind)
    .where('status', 'in', ['pending', 'inReview'])
    .executeTakeFirst();

export const setMajor = async (db: DbOrTx, accountId: string, major: string, now: Date) => {
  await db.updateTable('professionalProfile').set({ major, updatedAt: now }).where('accountId', '=', accountId).execute();
};

type Title = { titleSeries: string; titleLevel: string; titleObtainedOn: string | null };

/** The approved title, only over the one it was asked against, of an account still active; false otherwise. */
export const setTitleIfUnchanged = async (db: DbOrTx, m: { accountId: string; before: Title; after: Title; now: Date }) =>
  Boolean(
    await db
      .updateTable('professionalProfile as f')
      .set({ titleSeries: m.after.titleSeries, titleLevel: m.after.titleLevel, titleObtainedOn: m.after.titleObtainedOn, updatedAt: m.now })
      .where('f.accountId', '=', m.accountId)
      .where('f.titleSeries', '=', m.before.titleSeries)
      .where('f.titleLevel', '=', m.before.titleLevel)
      .where(sql<boolean>`f.title_obtained_on is not distinct from ${m.before.titleObtainedOn}::date`)
      .where((eb) => eb.exists(eb.selectFrom('account').select('id').where('id', '=', m.accountId).where('status', '=', 'active')))
      .returning('f.accountId')
      .executeTakeFirst(),
  );

/** The person's latest approved request of one change kind (证件信息修改: once in 30 days). */
export const lastApprovedChange = (db: DbOrTx, personId: string, kind: string) =>
  db
    .selectFrom('request')
    .select('decidedAt')
    .where('applicantPersonId', '=', personId)
    .where('kind', '=', kind)
    .where('status', '=', 'approved')
    .orderBy('decidedAt', 'desc')
    .limit(1)
    .executeTakeFirst();

export const findOrgRegion = (db: DbOrTx, orgId: string) =>
  db.selectFrom('org').select(['id', 'regionCode']).where('id', '=', orgId).executeTakeFirst();

export const findBureauOfRegion = (db: DbOrTx, regionCode: string) =>
  db.selectFrom('org').select('id').where('kind', '=', 'hrBureau').where('regionCode', '=', regionCode).executeTakeFirst();

export const isIdNumberTaken = async (db: DbOrTx, idNumber: string) =>
  Boolean(await db.selectFrom('person').select('id').where('idNumber', '=', idNumber).executeTakeFirst());

/** The person's name and ID number, held until the transaction ends. */
export const lockIdentity = (db: DbOrTx, personId: string) =>
  db.selectFrom('person').select(['name', 'idNumber']).where('id', '=', personId).forUpdate().executeTakeFirst();

/** A new name or ID number; a new ID number also brings the gender and birth date it encodes to the person's profile. */
export const setIdentity = async (
  db: DbOrTx,
  personId: string,
  identity: { name: string; idNumber: string; gender?: 'male' | 'female'; birthDate?: string },
  now: Date,
) => {
  await db.updateTable('person').set({ name: identity.name, idNumber: identity.idNumber }).where('id', '=', personId).execute();
  if (identity.gender && identity.birthDate)
    await db
      .updateTable('professionalProfile')
      .set({ gender: identity.gender, birthDate: identity.birthDate, updatedAt: now })
      .where('personId', '=', personId)
      .execute();
};

/** Whether an approved request of `kind` names this account in its payload (an approved 账号注销 closed it). */
export const approvedForAccount = async (db: DbOrTx, kind: string, accountId: string) =>
  Boolean(
    await db
      .selectFrom('request')
      .select('id')
      .where('kind', '=', kind)
      .where('status', '=', 'approved')
      .where(sql<boolean>`payload->>'accountId' = ${accountId}`)
      .executeTakeFirst(),
  );

/** The person whose approved request of `kind` replaced this ID number (an 证件信息修改). */
export const personWhoseIdChangedFrom = async (db: DbOrTx, kind: string, idNumber: string) =>
  (
    await db
      .selectFrom('request')
      .select(sql<string>`payload->>'personId'`.as('personId'))
      .where('kind', '=', kind)
      .where('status', '=', 'approved')
      .where(sql<boolean>`payload->'before'->>'idNumber' = ${idNumber}`)
      .orderBy('decidedAt', 'desc')
      .executeTakeFirst()
  )?.personId ?? null;
