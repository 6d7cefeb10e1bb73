import type { Insertable } from 'kysely';
import type { DbOrTx } from '../../platform/db/database';
import type { HelpdeskAskTable } from './helpdesk.tables';

export const insertAsk = async (db: DbOrTx, values: Insertable<HelpdeskAskTable>) =>
  (await db.insertInto('helpdeskAsk').values(values).returning('id').executeTakeFirstOrThrow()).id;

/** Records whether an answer helped; undefined if there is no such ask. */
export const setAskFeedback = (db: DbOrTx, id: string, input: { helpful: boolean; at: Date }) =>
  db.updateTable('helpdeskAsk').set({ helpful: input.helpful, feedbackAt: input.at }).where('id', '=', id).returning('id').executeTakeFirst();
