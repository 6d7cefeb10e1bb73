import { sql, type ExpressionBuilder } from 'kysely';
import type { SubordinateQuery } from '@cep/contracts';
import type { Database } from '../../platform/db/schema';
import type { DbOrTx } from '../../platform/db/database';
import type { Actor } from '../../platform/auth/actor';
import { inOrgScope } from '../../platform/auth/scope';
import { containsPattern } from '../../platform/db/like';
import { onePage } from '../../platform/db/paging';

type OrgEb = ExpressionBuilder<Database & { o: Database['org'] }, 'o'>;

const activeAdminCount = (eb: OrgEb) =>
  eb
    .selectFrom('account as a')
    .select((e) => e.fn.countAll<number>().as('n'))
    .whereRef('a.orgId', '=', 'o.id')
    .where('a.kind', '=', 'admin')
    .where('a.status', '=', 'active')
    .as('activeAdminCount');

/** Orgs with their region, superior and admin facts; callers add the scope. */
const orgQuery = (db: DbOrTx) =>
  db
    .selectFrom('org as o')
    .innerJoin('region as g', 'g.code', 'o.regionCode')
    .leftJoin('org as s', 's.id', 'o.superiorId')
    .leftJoin('orgAdminRevocation as v', 'v.orgId', 'o.id')
    .select([
      'o.id',
      'o.kind',
      'o.name',
      'o.creditCode',
      'o.regionCode',
      'o.bureauLevel',
      'o.nature',
      'o.orgLevel',
      'o.status',
      'o.createdAt',
      'o.path',
      'o.industry',
      'o.address',
      'o.phone',
      'o.email',
      'o.contactName',
      'g.name as regionName',
      'g.fullName as regionFullName',
      's.id as superiorId',
      's.name as superiorName',
      's.kind as superiorKind',
      sql<boolean>`v.org_id is not null`.as('adminsRevoked'),
      (eb) => activeAdminCount(eb),
    ]);

export type OrgRow = Awaited<ReturnType<ReturnType<typeof orgQuery>['executeTakeFirstOrThrow']>>;

/** Orgs strictly below the actor's org, in its data scope. */
const subordinatesOf = (db: DbOrTx, actor: Actor) =>
  orgQuery(db).where(inOrgScope(actor, 'o.path')).where('o.id', '!=', actor.orgId).where('o.kind', '!=', 'platform');

const applyFilters = (q: ReturnType<typeof subordinatesOf>, query: SubordinateQuery) => {
  let out = q.where('o.kind', '=', query.kind);
  if (query.name) out = out.where('o.name', 'ilike', containsPattern(query.name));
  if (query.nature) out = out.where('o.nature', '=', query.nature);
  if (query.level) out = out.where(query.kind === 'hrBureau' ? 'o.bureauLevel' : 'o.orgLevel', '=', query.level as never);
  // Orgs still under (or refused at) registration are the review queues' business, not this list's.
  return query.status ? out.where('o.status', '=', query.status) : out.where('o.status', 'in', ['active', 'disabled']);
};

export const listSubordinates = async (db: DbOrTx, actor: Actor, query: SubordinateQuery) => {
  const filtered = applyFilters(subordinatesOf(db, actor), query);
  const [items, total] = await Promise.all([
    filtered.orderBy('o.regionCode').orderBy('o.name').orderBy('o.id').$call(onePage(query)).execute(),
    filtered
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
};

/** One org strictly below the actor's org, or undefined when it is outside the data scope. */
export const findSubordinate = (db: DbOrTx, actor: Actor, orgId: string) => subordinatesOf(db, actor).where('o.id', '=', orgId).executeTakeFirst();

export const findOrg = (db: DbOrTx, orgId: string) => orgQuery(db).where('o.id', '=', orgId).executeTakeFirst();

/** The org's super admin (not ended), for the masked contact shown in its details. */
export const findSuperAdmin = (db: DbOrTx, orgId: string) =>
  db
    .selectFrom('account as a')
    .innerJoin('person as p', 'p.id', 'a.personId')
    .leftJoin('personMfa as m', 'm.personId', 'p.id')
    .select(['p.id as personId', 'p.name', 'p.idNumber', 'p.phone', 'a.status', 'm.confirmedAt as mfaConfirmedAt'])
    .where('a.orgId', '=', orgId)
    .where('a.kind', '=', 'admin')
    .where('a.isSuperAdmin', '=', true)
    .where('a.status', 'in', ['pending', 'active', 'disabled'])
    .executeTakeFirst();

/** Locks the org's revocation record (if any) for the rest of the transaction. */
export const findRevocation = (db: DbOrTx, orgId: string) =>
  db.selectFrom('orgAdminRevocation').selectAll().where('orgId', '=', orgId).forUpdate().executeTakeFirst();

export const lockActiveAdmins = (db: DbOrTx, orgId: string) =>
  db
    .selectFrom('account')
    .select(['id', 'personId'])
    .where('orgId', '=', orgId)
    .where('kind', '=', 'admin')
    .where('status', '=', 'active')
    .forUpdate()
    .execute();

export const insertRevocation = (db: DbOrTx, values: { orgId: string; accountIds: string[]; revokedAt: Date; revokedByAccountId: string }) =>
  db.insertInto('orgAdminRevocation').values(values).execute();

export const deleteRevocation = (db: DbOrTx, orgId: string) => db.deleteFrom('orgAdminRevocation').where('orgId', '=', orgId).execute();

/** The org's kind and, for a bureau, its level (province-wide duties are the province bureau's). */
export const findOrgLevel = (db: DbOrTx, orgId: string) =>
  db.selectFrom('org').select(['kind', 'bureauLevel']).where('id', '=', orgId).executeTakeFirst();
