import { randomUUID } from 'node:crypto';
import { sql, type Insertable } from 'kysely';
import { startsWithPattern } from '../../platform/db/like';
import type { DbOrTx } from '../../platform/db/database';
import type { OrgTable } from '../../platform/db/core.tables';

/** The one writer of `org`: every org is created and settled here, its materialized path computed in one place. */

export type NewOrg = Omit<Insertable<OrgTable>, 'id' | 'superiorId' | 'path' | 'createdAt' | 'updatedAt'>;

/** An org under `superior` (a root, like the province's bureau or platform operations, when null); returns its id and path. */
export const createOrg = async (db: DbOrTx, org: NewOrg, superior: { id: string; path: string } | null, now?: Date) => {
  const id = randomUUID();
  const path = `${superior?.path ?? '/'}${id}/`;
  await db
    .insertInto('org')
    .values({ ...org, id, superiorId: superior?.id ?? null, path, ...(now ? { createdAt: now, updatedAt: now } : {}) })
    .execute();
  return { id, path };
};

/** Moves a pending org (a registration's) to its outcome; an org already moved is left as it is. */
export const settleOrg = async (db: DbOrTx, orgId: string, status: 'active' | 'rejected' | 'withdrawn', now: Date) => {
  await db.updateTable('org').set({ status, updatedAt: now }).where('id', '=', orgId).where('status', '=', 'pending').execute();
};

type Identity = { name: string; creditCode: string | null };

/** The approved name and code, only over the ones the change was asked against; false otherwise. */
export const setOrgIdentityIfUnchanged = async (db: DbOrTx, m: { orgId: string; before: Identity; after: Identity; now: Date }) => {
  let q = db
    .updateTable('org')
    .set({ name: m.after.name, creditCode: m.after.creditCode, updatedAt: m.now })
    .where('id', '=', m.orgId)
    .where('name', '=', m.before.name);
  q = m.before.creditCode === null ? q.where('creditCode', 'is', null) : q.where('creditCode', '=', m.before.creditCode);
  return Boolean(await q.returning('id').executeTakeFirst());
};

/**
 * 更换上级部门: the org and everything under it move under `newSuperior` in one statement: the materialized paths
 * are rewritten from the old prefix to the new one, and the region follows the new superior (seed 000 6) for the
 * orgs that were in the moved org's region. Returns how many orgs moved.
 */
export const moveSubtree = async (
  db: DbOrTx,
  m: { orgId: string; oldPath: string; newSuperior: { id: string; path: string; regionCode: string }; oldRegionCode: string; now: Date },
) => {
  const newPath = `${m.newSuperior.path}${m.orgId}/`;
  const { numUpdatedRows } = await db
    .updateTable('org')
    .set({
      path: sql<string>`${newPath} || substr(path, ${m.oldPath.length + 1})`,
      superiorId: sql<string>`case when id = ${m.orgId} then ${m.newSuperior.id}::uuid else superior_id end`,
      regionCode: sql<string>`case when region_code = ${m.oldRegionCode} then ${m.newSuperior.regionCode} else region_code end`,
      updatedAt: m.now,
    })
    .where('path', 'like', startsWithPattern(m.oldPath))
    .executeTakeFirst();
  return { newPath, orgs: Number(numUpdatedRows) };
};

/** 单位注销 approved: an active org closes (its admins keep a read-only login); false when it was not active. */
export const closeOrg = async (db: DbOrTx, orgId: string, now: Date) =>
  Boolean(
    await db
      .updateTable('org')
      .set({ status: 'closed', updatedAt: now })
      .where('id', '=', orgId)
      .where('status', '=', 'active')
      .returning('id')
      .executeTakeFirst(),
  );

/**
 * 单位合并: everything under the merged org (its sub-units and theirs) moves under the survivor, paths rewritten by
 * prefix in one statement; the merged org itself closes (its admins keep a read-only login). Returns how many
 * sub-units moved.
 */
export const mergeOrgInto = async (db: DbOrTx, m: { merged: { id: string; path: string }; survivor: { id: string; path: string }; now: Date }) => {
  const { numUpdatedRows } = await db
    .updateTable('org')
    .set({
      path: sql<string>`${m.survivor.path} || substr(path, ${m.merged.path.length + 1})`,
      superiorId: sql<string>`case when superior_id = ${m.merged.id}::uuid then ${m.survivor.id}::uuid else superior_id end`,
      updatedAt: m.now,
    })
    .where('path', 'like', startsWithPattern(m.merged.path))
    .where('id', '!=', m.merged.id)
    .executeTakeFirst();
  await db.updateTable('org').set({ status: 'closed', updatedAt: m.now }).where('id', '=', m.merged.id).execute();
  return Number(numUpdatedRows);
};
