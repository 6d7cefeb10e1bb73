import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { InboxIdParams, InboxPage, Ok, PageQuery } from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { requireActor } from '../../platform/auth/actor';
import { listInbox, markInboxRead } from './inbox.service';

/** 消息中心 for any signed-in account: replies to tickets and other notifications sent to the person. */
export const inboxRoutes = async (root: FastifyInstance, ctx: AppContext) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['inbox'];
  app.get('/api/inbox', { schema: { tags, querystring: PageQuery, response: { 200: InboxPage } } }, async (req) =>
    listInbox(ctx, requireActor(req), req.query),
  );
  app.post('/api/inbox/:id/read', { schema: { tags, params: InboxIdParams, response: { 200: Ok } } }, async (req) =>
    markInboxRead(ctx, requireActor(req), req.params.id),
  );
};
