import { maskName, type OutboxPage, type PageQuery } from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { maskDestination } from './identity.presenter';
import { onePage } from '../../platform/db/paging';

/** Platform operations' view of the outbox, newest first; destinations and names masked. */
export const listOutbox = async (ctx: AppContext, query: PageQuery): Promise<OutboxPage> => {
  const rows = await ctx.db
    .selectFrom('outbox as m')
    .leftJoin('person as p', 'p.id', 'm.personId')
    .select(['m.id', 'm.channel', 'm.destination', 'm.subject', 'm.body', 'm.createdAt', 'p.name as personName'])
    .orderBy('m.createdAt', 'desc')
    .orderBy('m.id', 'desc')
    .$call(onePage(query))
    .execute();
  const total = await ctx.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return {
    items: rows.map((r) => ({
      id: Number(r.id),
      channel: r.channel,
      destinationMasked: maskDestination(r.destination),
      personNameMasked: r.personName ? maskName(r.personName) : null,
      subject: r.subject,
      body: r.body,
      createdAt: r.createdAt.toISOString(),
    })),
    total: total.n,
    page: query.page,
    pageSize: query.pageSize,
  };
};
