import type { InboxPage, PageQuery } from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import type { Actor } from '../../platform/auth/actor';
import { AppError } from '../../platform/errors/app-error';
import { countInbox, findInboxPage, markMessageRead } from './inbox.repository';

/** 消息中心: the signed-in person's in-app messages, newest first, with the unread count. */
export const listInbox = async (ctx: AppContext, actor: Actor, query: PageQuery): Promise<InboxPage> => {
  const rows = await findInboxPage(ctx.db, actor.personId, query);
  const counts = await countInbox(ctx.db, actor.personId);
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
  if (!(await markMessageRead(ctx.db, actor.personId, id, ctx.clock.now()))) throw new AppError('NOT_FOUND', '消息不存在');
  return { ok: true as const };
};
