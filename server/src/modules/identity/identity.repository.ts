import type { LoginRole } from '@cep/contracts';
import type { DbOrTx } from '../../platform/db/database';

export const findPersonByIdNumber = (db: DbOrTx, idNumber: string) =>
  db.selectFrom('person').selectAll().where('idNumber', '=', idNumber).executeTakeFirst();

export const findPersonById = (db: DbOrTx, personId: string) => db.selectFrom('person').selectAll().where('id', '=', personId).executeTakeFirst();

export type PersonRow = NonNullable<Awaited<ReturnType<typeof findPersonById>>>;

/** The person's accounts that can answer a login as `role` (withdrawn ones are gone for good). */
export const accountsForRole = (db: DbOrTx, personId: string, role: LoginRole) => {
  let q = db
    .selectFrom('account as a')
    .innerJoin('org as o', 'o.id', 'a.orgId')
    .leftJoin('role as r', 'r.id', 'a.roleId')
    .select([
      'a.id as accountId',
      'a.kind',
      'a.status',
      'a.isSuperAdmin',
      'a.lastLoginAt',
      'a.createdAt',
      'o.id as orgId',
      'o.name as orgName',
      'o.kind as orgKind',
      'o.status as orgStatus',
      'o.superiorId',
      'r.permissions',
    ])
    .where('a.personId', '=', personId)
    .where('a.status', '!=', 'withdrawn')
    .where('o.status', '!=', 'withdrawn');
  q = role === 'professional' ? q.where('a.kind', '=', 'professional') : q.where('a.kind', '=', 'admin').where('o.kind', '=', role);
  return q.execute();
};

export type LoginAccountRow = Awaited<ReturnType<typeof accountsForRole>>[number];

/** An org's name and the full name of its region, as the "查看审核部门" hint shows them. */
export const orgWithRegion = (db: DbOrTx, orgId: string) =>
  db
    .selectFrom('org as o')
    .innerJoin('region as g', 'g.code', 'o.regionCode')
    .select(['o.name as orgName', 'g.fullName as regionName'])
    .where('o.id', '=', orgId)
    .executeTakeFirst();

/** The person's accounts an admin's reset must have in scope (active, pending or disabled), with their org's path. */
export const accountsForReset = (db: DbOrTx, personId: string) =>
  db
    .selectFrom('account as a')
    .innerJoin('org as o', 'o.id', 'a.orgId')
    .select(['a.kind', 'a.orgId', 'o.path as orgPath'])
    .where('a.personId', '=', personId)
    .where('a.status', 'in', ['active', 'pending', 'disabled'])
    .execute();
