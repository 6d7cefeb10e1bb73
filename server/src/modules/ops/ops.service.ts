import { maskDestination, maskName, type OutboxPage, type PageQuery } from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { countOutbox, findOutboxPage } from './ops.repository';

/** Platform operations' view of the outbox, newest first; destinations and names masked. */
export const listOutbox = async (ctx: AppContext, query: PageQuery): Promise<OutboxPage> => {
  const rows = await findOutboxPage(ctx.db, query);
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
    total: await countOutbox(ctx.db),
    page: query.page,
    pageSize: query.pageSize,
  };
};
