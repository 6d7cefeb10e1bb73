import type { DbOrTx } from '../../platform/db/database';

export const listProrations = (db: DbOrTx, personId: string) =>
  db.selectFrom('yearProration').select(['creditYear', 'monthsInPost', 'reason']).where('personId', '=', personId).execute();

/** Records an approved proration of the year (a later approval of the same year replaces the earlier). */
export const upsertProration = async (
  db: DbOrTx,
  row: { personId: string; creditYear: number; monthsInPost: number; reason: string; requestId: string; approvedAt: Date },
) => {
  await db
    .insertInto('yearProration')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['personId', 'creditYear']).doUpdateSet({
        monthsInPost: row.monthsInPost,
        reason: row.reason,
        requestId: row.requestId,
        approvedAt: row.approvedAt,
      }),
    )
    .execute();
};

export const deleteProrationOf = async (db: DbOrTx, requestId: string) => {
  await db.deleteFrom('yearProration').where('requestId', '=', requestId).execute();
};

/** The person's open 年度学时折算 of the year, if any (one at a time). */
export const findOpenProration = (db: DbOrTx, q: { personId: string; kind: string; creditYear: number }) =>
  db
    .selectFrom('request')
    .select('id')
    .where('applicantPersonId', '=', q.personId)
    .where('kind', '=', q.kind)
    .where('creditYear', '=', q.creditYear)
    .where('status', 'in', ['pending', 'inReview'])
    .executeTakeFirst();

/** The person's latest approved (and not revoked) 年度学时折算 of the year other than `exceptId`, if any. */
export const findLatestApprovedProration = (db: DbOrTx, q: { personId: string; kind: string; creditYear: number; exceptId: string }) =>
  db
    .selectFrom('request')
    .select(['id', 'payload', 'decidedAt'])
    .where('applicantPersonId', '=', q.personId)
    .where('kind', '=', q.kind)
    .where('creditYear', '=', q.creditYear)
    .where('status', '=', 'approved')
    .where('id', '!=', q.exceptId)
    .orderBy('decidedAt', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
