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
