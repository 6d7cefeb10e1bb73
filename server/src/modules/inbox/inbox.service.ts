import type { InboxPage, PageQuery } from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import type { Actor } from '../../platform/auth/actor';
import { AppError } from '../../platform/errors/app-error';
import { onePage } from '../../platform/db/paging';

const mine = (ctx: AppContext, actor: Actor) =>
  ctx.db.selectFrom('outbox').where('personId', '=', actor.personId).where('channel', '=', 'inbox');

/** 消息中心: the signed-in person's in-app messages, newest first, with the unread count. */
export const listInbox = async (ctx: AppContext, actor: Actor, query: PageQuery): Promise<InboxPage> => {
  const rows = await mine(ctx, actor)
    .select(['id', 'subject', 'body', 'createdAt', 'readAt'])
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .$call(onePage(query))
    .execute();
  const counts = await mine(ctx, actor)
    .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.count<number>('readAt').as('read')])
    .executeTakeFirstOrThrow();
  return {
    items: rows.map((r) => ({ id: Number(r.id), subject: r.subject, body: r.body, createdAt: r.createdAt.toISOString(), read: r.readAt !== null })),
    total: counts.total,
    unread: counts.total - counts.read,
    page: query.page,
    pageSize: query.pageSize,
  };
};

/** Marks one of the person's own messages read; someone else's message is "not found". */
export const markInboxRead = async (ctx: AppContext, actor: Actor, id: number) => {
  const row = await ctx.db
    .updateTable('outbox')
    .set((eb) => ({ readAt: eb.fn.coalesce('readAt', eb.val(ctx.clock.now())) }))
    .where('id', '=', String(id))
    .where('personId', '=', actor.personId)
    .where('channel', '=', 'inbox')
    .returning('id')
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', '消息不存在');
  return { ok: true as const };
};
