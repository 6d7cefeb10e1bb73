import type { PageQuery } from '@cep/contracts';
import type { DbOrTx } from '../../platform/db/database';
import { onePage } from '../../platform/db/paging';

/** A person's in-app messages live in the outbox, on the `inbox` channel. */
const messagesOf = (db: DbOrTx, personId: string) => db.selectFrom('outbox').where('personId', '=', personId).where('channel', '=', 'inbox');

export const findInboxPage = (db: DbOrTx, personId: string, query: PageQuery) =>
  messagesOf(db, personId)
    .select(['id', 'subject', 'body', 'createdAt', 'readAt'])
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .$call(onePage(query))
    .execute();

export const countInbox = (db: DbOrTx, personId: string) =>
  messagesOf(db, personId)
    .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.count<number>('readAt').as('read')])
    .executeTakeFirstOrThrow();

/** Marks one of the person's messages read (keeping the first reading time); undefined if it is not theirs. */
export const markMessageRead = (db: DbOrTx, personId: string, id: number, now: Date) =>
  db
    .updateTable('outbox')
    .set((eb) => ({ readAt: eb.fn.coalesce('readAt', eb.val(now)) }))
    .where('id', '=', String(id))
    .where('personId', '=', personId)
    .where('channel', '=', 'inbox')
    .returning('id')
    .executeTakeFirst();
