import { sql, type Insertable } from 'kysely';
import type { DbOrTx } from '../../platform/db/database';
import type { RequestAttachmentTable } from './reviews.tables';

const shown = ['id', 'requestId', 'filename', 'size', 'contentType'] as const;

export const insertAttachment = (db: DbOrTx, values: Insertable<RequestAttachmentTable>) =>
  db.insertInto('requestAttachment').values(values).returning(shown).executeTakeFirstOrThrow();

/** Holds a person's uploads still until the transaction ends, so that two uploads at once cannot both pass the quota. */
export const lockUploadsOf = async (db: DbOrTx, personId: string) => {
  await sql`select pg_advisory_xact_lock(hashtext(${`upload:${personId}`}))`.execute(db);
};

/** A person's uploads waiting to be filed, and all of their uploads since `since` (how many, how many bytes). */
export const countUploads = async (db: DbOrTx, personId: string, since: Date) => {
  const row = await db
    .selectFrom('requestAttachment')
    .select([
      sql<number>`(count(*) filter (where request_id is null))::int`.as('unbound'),
      sql<number>`(count(*) filter (where created_at >= ${since}))::int`.as('recent'),
      sql<number>`(coalesce(sum(size) filter (where created_at >= ${since}), 0))::bigint`.as('recentBytes'),
    ])
    .where('uploaderPersonId', '=', personId)
    .executeTakeFirstOrThrow();
  return row;
};

/** A withdrawn request's files go back to their uploader, to be filed again or removed. */
export const unbindAttachments = (db: DbOrTx, requestId: string) =>
  db.updateTable('requestAttachment').set({ requestId: null }).where('requestId', '=', requestId).execute();

export const findAttachment = (db: DbOrTx, id: string) => db.selectFrom('requestAttachment').selectAll().where('id', '=', id).executeTakeFirst();

/** Removes an upload its uploader has not filed yet; a filed one stays with its request. */
export const deleteUnbound = (db: DbOrTx, id: string, personId: string) =>
  db
    .deleteFrom('requestAttachment')
    .where('id', '=', id)
    .where('uploaderPersonId', '=', personId)
    .where('requestId', 'is', null)
    .returning(['storedName', 'filename'])
    .executeTakeFirst();

/** Binds the uploader's unfiled uploads to the request; returns the ids bound (fewer than asked: not theirs, or used). */
export const bindAttachments = async (db: DbOrTx, input: { requestId: string; personId: string; ids: string[] }) =>
  (
    await db
      .updateTable('requestAttachment')
      .set({ requestId: input.requestId })
      .where('id', 'in', input.ids)
      .where('uploaderPersonId', '=', input.personId)
      .where('requestId', 'is', null)
      .returning('id')
      .execute()
  ).map((r) => r.id);

export const listAttachmentsOf = async (db: DbOrTx, requestIds: string[]) => {
  if (requestIds.length === 0) return [];
  return db.selectFrom('requestAttachment').select(shown).where('requestId', 'in', requestIds).orderBy('createdAt').orderBy('id').execute();
};

/**
 * Removes up to `limit` uploads nobody filed since `before` (abandoned claim forms), oldest first; rows another
 * sweep holds are skipped. Returns their stored names, for the files to be removed.
 */
export const deleteStaleUnbound = async (db: DbOrTx, before: Date, limit: number) =>
  (
    await sql<{ storedName: string }>`
      delete from request_attachment where id in (
        select id from request_attachment where request_id is null and created_at < ${before}
        order by created_at limit ${limit} for update skip locked
      ) returning stored_name as "storedName"`.execute(db)
  ).rows.map((r) => r.storedName);
