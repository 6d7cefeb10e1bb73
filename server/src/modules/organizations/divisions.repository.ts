import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db/database';

const columns = ['id', 'parentId', 'name', 'status', 'createdAt'] as const;

export const listDivisions = (db: DbOrTx, orgId: string) =>
  db.selectFrom('division').select(columns).where('orgId', '=', orgId).orderBy('createdAt').orderBy('name').orderBy('id').execute();

export type DivisionRow = Awaited<ReturnType<typeof listDivisions>>[number];

/** One division of the org, locked for the transaction; another org's division is not found. */
export const findDivision = (db: DbOrTx, orgId: string, divisionId: string) =>
  db.selectFrom('division').select(columns).where('orgId', '=', orgId).where('id', '=', divisionId).forUpdate().executeTakeFirst();

export const insertDivision = (db: DbOrTx, values: { orgId: string; parentId: string | null; name: string; createdAt: Date; updatedAt: Date }) =>
  db
    .insertInto('division')
    .values({ ...values, status: 'active' })
    .returning(columns)
    .executeTakeFirstOrThrow();

export const renameDivision = (db: DbOrTx, divisionId: string, name: string, now: Date) =>
  db.updateTable('division').set({ name, updatedAt: now }).where('id', '=', divisionId).returning(columns).executeTakeFirstOrThrow();

/** Sets the status of a division and, when `withDescendants`, of every division below it; returns the ids changed. */
export const setDivisionStatus = async (db: DbOrTx, divisionId: string, status: 'active' | 'disabled', now: Date, withDescendants: boolean) => {
  const ids = withDescendants
    ? (
        await sql<{ id: string }>`
          with recursive sub as (
            select id from division where id = ${divisionId}
            union all
            select c.id from division c join sub on c.parent_id = sub.id
          ) select id from sub`.execute(db)
      ).rows.map((r) => r.id)
    : [divisionId];
  const rows = await db
    .updateTable('division')
    .set({ status, updatedAt: now })
    .where('id', 'in', ids)
    .where('status', '!=', status)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
};
