import type { DbOrTx } from '../../platform/db/database';
import { containsPattern } from '../../platform/db/like';

const LISTED_STATUSES = ['active', 'disabled'] as const;

const adminQuery = (db: DbOrTx, orgId: string) =>
  db
    .selectFrom('account as a')
    .innerJoin('person as p', 'p.id', 'a.personId')
    .leftJoin('role as r', 'r.id', 'a.roleId')
    .leftJoin('personMfa as m', 'm.personId', 'a.personId')
    .select([
      'a.id as accountId',
      'a.personId',
      'a.status',
      'a.isSuperAdmin',
      'a.roleId',
      'a.createdAt',
      'a.lastLoginAt',
      'p.name',
      'p.idNumber',
      'p.phone',
      'r.name as roleName',
      'r.permissions as rolePermissions',
      'm.confirmedAt as mfaConfirmedAt',
    ])
    .where('a.orgId', '=', orgId)
    .where('a.kind', '=', 'admin')
    .where('a.status', 'in', LISTED_STATUSES);

export const listAdmins = (db: DbOrTx, orgId: string, filter: { name?: string | undefined; status?: 'active' | 'disabled' | undefined }) => {
  let q = adminQuery(db, orgId);
  if (filter.name) q = q.where('p.name', 'like', containsPattern(filter.name));
  if (filter.status) q = q.where('a.status', '=', filter.status);
  return q.orderBy('a.isSuperAdmin', 'desc').orderBy('a.createdAt').orderBy('a.id').execute();
};

export type AdminRow = Awaited<ReturnType<typeof listAdmins>>[number];

/** One listed admin of the org; `lock` holds the account row for the rest of the transaction. */
export const findAdmin = async (db: DbOrTx, orgId: string, accountId: string, lock = false) => {
  if (lock) await db.selectFrom('account').select('id').where('id', '=', accountId).where('orgId', '=', orgId).forUpdate().execute();
  return adminQuery(db, orgId).where('a.id', '=', accountId).executeTakeFirst();
};

export const findPersonByIdNumber = (db: DbOrTx, idNumber: string) =>
  db.selectFrom('person').select(['id', 'name', 'idNumber', 'phone']).where('idNumber', '=', idNumber).executeTakeFirst();

/** Whether the person already holds a live admin account of this org. */
export const hasLiveAdminAccount = async (db: DbOrTx, personId: string, orgId: string) =>
  !!(await db
    .selectFrom('account')
    .select('id')
    .where('personId', '=', personId)
    .where('orgId', '=', orgId)
    .where('kind', '=', 'admin')
    .where('status', 'in', ['pending', 'active', 'disabled'])
    .executeTakeFirst());

/** Accounts of the person other than `accountId` that are not ended: their contact data is theirs to change. */
export const countOtherAccounts = async (db: DbOrTx, personId: string, accountId: string) => {
  const row = await db
    .selectFrom('account')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('personId', '=', personId)
    .where('id', '!=', accountId)
    .where('status', '!=', 'withdrawn')
    .executeTakeFirstOrThrow();
  return Number(row.n);
};
