import type { PageQuery } from '@cep/contracts';
import type { DbOrTx } from '../../platform/db/database';
import { onePage } from '../../platform/db/paging';

/** One page of the outbox, newest first, with the name of the person each message went to. */
export const findOutboxPage = (db: DbOrTx, query: PageQuery) =>
  db
    .selectFrom('outbox as m')
    .leftJoin('person as p', 'p.id', 'm.personId')
    .select(['m.id', 'm.channel', 'm.destination', 'm.subject', 'm.body', 'm.createdAt', 'p.name as personName'])
    .orderBy('m.createdAt', 'desc')
    .orderBy('m.id', 'desc')
    .$call(onePage(query))
    .execute();

export const countOutbox = async (db: DbOrTx) =>
  (
    await db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;
