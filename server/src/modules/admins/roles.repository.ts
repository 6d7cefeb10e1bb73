import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../../platform/db/schema';
import type { DbOrTx } from '../../platform/db/database';

const LIVE_ADMIN_STATUSES = ['pending', 'active', 'disabled'] as const;

/** Admin accounts (not ended) that hold the role in `r`. */
const holderCount = (eb: ExpressionBuilder<Database & { r: Database['role'] }, 'r'>) =>
  eb
    .selectFrom('account as a')
    .select((e) => e.fn.countAll<number>().as('n'))
    .whereRef('a.roleId', '=', 'r.id')
    .where('a.kind', '=', 'admin')
    .where('a.status', 'in', LIVE_ADMIN_STATUSES)
    .as('adminCount');

export const listRoles = (db: DbOrTx, orgId: string) =>
  db
    .selectFrom('role as r')
    .select(['r.id', 'r.name', 'r.description', 'r.permissions', 'r.createdAt', (eb) => holderCount(eb)])
    .where('r.orgId', '=', orgId)
    .orderBy('r.createdAt')
    .orderBy('r.id')
    .execute();

export type RoleRow = Awaited<ReturnType<typeof listRoles>>[number];

/** One role of the org, or undefined (another org's role is not found). */
export const findRole = (db: DbOrTx, orgId: string, roleId: string) =>
  db
    .selectFrom('role as r')
    .select(['r.id', 'r.name', 'r.description', 'r.permissions', 'r.createdAt', (eb) => holderCount(eb)])
    .where('r.orgId', '=', orgId)
    .where('r.id', '=', roleId)
    .executeTakeFirst();

export const insertRole = (db: DbOrTx, values: { orgId: string; name: string; description: string | null; permissions: string[] }) =>
  db.insertInto('role').values(values).returning('id').executeTakeFirstOrThrow();

export const updateRole = (db: DbOrTx, roleId: string, patch: { name?: string; description?: string | null; permissions?: string[] }) =>
  db.updateTable('role').set(patch).where('id', '=', roleId).execute();

export const deleteRole = async (db: DbOrTx, roleId: string) => {
  await db.deleteFrom('role').where('id', '=', roleId).execute();
};

/** Locks the role row so a concurrent assignment and deletion cannot both succeed. */
export const lockRole = (db: DbOrTx, orgId: string, roleId: string) =>
  db.selectFrom('role').select('id').where('orgId', '=', orgId).where('id', '=', roleId).forUpdate().executeTakeFirst();
