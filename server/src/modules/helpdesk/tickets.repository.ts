import { sql } from 'kysely';
import type { TicketListQuery } from '@cep/contracts';
import type { DbOrTx } from '../../platform/db/database';
import type { ConversationLine } from './helpdesk.tables';
import { onePage } from '../../platform/db/paging';

export const nextTicketSequence = async (db: DbOrTx) =>
  (await sql<{ n: number }>`select nextval('helpdesk_ticket_seq')::int as n`.execute(db)).rows[0]!.n;

export type TicketInsert = {
  ticketNo: string;
  accessCodeHash: string;
  question: string;
  conversation: ConversationLine[];
  contactName: string;
  contactPhone: string | null;
  contactEmail: string | null;
  personId: string | null;
  accountId: string | null;
  at: Date;
};

export const insertTicket = (db: DbOrTx, t: TicketInsert) => {
  const { at, conversation, ...rest } = t;
  return db
    .insertInto('helpdeskTicket')
    .values({ ...rest, conversation: JSON.stringify(conversation), status: 'open', createdAt: at, updatedAt: at, closedAt: null })
    .returning('id')
    .executeTakeFirstOrThrow();
};

const summaryColumns = [
  't.id',
  't.ticketNo',
  't.question',
  't.status',
  't.contactName',
  't.contactPhone',
  't.contactEmail',
  't.personId',
  't.createdAt',
] as const;

export const listTickets = async (db: DbOrTx, query: TicketListQuery) => {
  let q = db.selectFrom('helpdeskTicket as t');
  if (query.status) q = q.where('t.status', '=', query.status);
  const rows = await q
    .select(summaryColumns)
    .orderBy('t.createdAt', query.status === 'open' ? 'asc' : 'desc')
    .orderBy('t.ticketNo')
    .$call(onePage(query))
    .execute();
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: total.n };
};

export const findTicketById = (db: DbOrTx, id: string) =>
  db
    .selectFrom('helpdeskTicket as t')
    .select([...summaryColumns, 't.conversation', 't.accessCodeHash'])
    .where('t.id', '=', id)
    .executeTakeFirst();

export const findTicketByNo = (db: DbOrTx, ticketNo: string) =>
  db
    .selectFrom('helpdeskTicket as t')
    .select([...summaryColumns, 't.accessCodeHash'])
    .where('t.ticketNo', '=', ticketNo)
    .executeTakeFirst();

export const listTicketsOfPerson = (db: DbOrTx, personId: string) =>
  db.selectFrom('helpdeskTicket as t').select(summaryColumns).where('t.personId', '=', personId).orderBy('t.createdAt', 'desc').limit(50).execute();

export const listReplies = (db: DbOrTx, ticketIds: string[]) =>
  ticketIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('helpdeskTicketReply as r')
        .innerJoin('person as p', 'p.id', 'r.byPersonId')
        .select(['r.ticketId', 'r.body', 'r.at', 'p.name as byName'])
        .where('r.ticketId', 'in', ticketIds)
        .orderBy('r.id')
        .execute();

export const insertReply = (db: DbOrTx, r: { ticketId: string; body: string; byPersonId: string; at: Date }) =>
  db.insertInto('helpdeskTicketReply').values(r).execute();

/** Moves a ticket from one of `from` to `to`; undefined when its state changed meanwhile. */
export const setTicketStatus = (db: DbOrTx, input: { id: string; from: string[]; to: 'answered' | 'closed'; at: Date }) =>
  db
    .updateTable('helpdeskTicket')
    .set({ status: input.to, updatedAt: input.at, ...(input.to === 'closed' ? { closedAt: input.at } : {}) })
    .where('id', '=', input.id)
    .where('status', 'in', input.from as ('open' | 'answered' | 'closed')[])
    .returning(['id', 'personId', 'ticketNo'])
    .executeTakeFirst();
