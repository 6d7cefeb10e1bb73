import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db/database';

/** The org's open request of one kind (one 修改单位信息, one 更换上级部门 at a time). */
export const findOpenOrgRequest = (db: DbOrTx, orgId: string, kind: string) =>
  db
    .selectFrom('request')
    .select('id')
    .where('subjectOrgId', '=', orgId)
    .where('kind', '=', kind)
    .where('status', 'in', ['pending', 'inReview'])
    .executeTakeFirst();

export const isCreditCodeTakenByOther = async (db: DbOrTx, creditCode: string, orgId: string) =>
  Boolean(
    await db
      .selectFrom('org')
      .select('id')
      .where('creditCode', '=', creditCode)
      .where('id', '!=', orgId)
      .where('status', 'in', ['pending', 'active', 'disabled'])
      .executeTakeFirst(),
  );

/** An org as a move needs it, held until the transaction ends. */
export const lockOrgForMove = (db: DbOrTx, orgId: string) =>
  db
    .selectFrom('org')
    .select(['id', 'kind', 'status', 'path', 'superiorId', 'regionCode', 'name'])
    .where('id', '=', orgId)
    .forUpdate()
    .executeTakeFirst();

/** An org as a superior change checks it (no lock). */
export const findOrgForMove = (db: DbOrTx, orgId: string) =>
  db.selectFrom('org').select(['id', 'kind', 'status', 'path', 'superiorId', 'regionCode', 'name']).where('id', '=', orgId).executeTakeFirst();

/**
 * What still lives under an org: active or waiting sub-orgs, its active professionals, and those whose registration
 * waits (a closure waits until there are none).
 */
export const countLiving = async (db: DbOrTx, org: { id: string; path: string }) => {
  const [orgs, people] = await Promise.all([
    db
      .selectFrom('org')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('path', 'like', `${org.path}%`)
      .where('id', '!=', org.id)
      .where('status', 'in', ['pending', 'active'])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('account')
      .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
      .where('orgId', '=', org.id)
      .where('kind', '=', 'professional')
      .where('status', 'in', ['pending', 'active'])
      .groupBy('status')
      .execute(),
  ]);
  const of = (status: string) => Number(people.find((p) => p.status === status)?.n ?? 0);
  return { orgs: Number(orgs.n), people: of('active'), registering: of('pending') };
};

/** The nearest HR bureau above an org: of the orgs its path names, the deepest bureau. */
export const findBureauAbove = (db: DbOrTx, path: string) =>
  db
    .selectFrom('org')
    .select(['id', 'name'])
    .where('kind', '=', 'hrBureau')
    .where('id', 'in', path.split('/').filter(Boolean))
    .orderBy(sql`length(path)`, 'desc')
    .limit(1)
    .executeTakeFirst();
