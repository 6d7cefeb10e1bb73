import type { Insertable } from 'kysely';
import type { DbOrTx } from '../../platform/db/database';
import type { RequestAttachmentTable } from './reviews.tables';

const shown = ['id', 'requestId', 'filename', 'size', 'contentType'] as const;

export const insertAttachment = (db: DbOrTx, values: Insertable<RequestAttachmentTable>) =>
  db.insertInto('requestAttachment').values(values).returning(shown).executeTakeFirstOrThrow();

/** How many uploads of a person wait to be filed with a request. */
export const countUnbound = async (db: DbOrTx, personId: string) =>
  Number(
    (
      await db
        .selectFrom('requestAttachment')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('uploaderPersonId', '=', personId)
        .where('requestId', 'is', null)
        .executeTakeFirstOrThrow()
    ).n,
  );

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
