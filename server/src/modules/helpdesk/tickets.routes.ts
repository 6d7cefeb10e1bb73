import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  IdParams,
  MyTickets,
  TicketCreateInput,
  TicketCreated,
  TicketDetail,
  TicketListQuery,
  TicketLookupInput,
  TicketPage,
  TicketReplyInput,
  TicketView,
  type Permission,
} from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { PUBLIC } from '../../platform/http/access';
import { originOf, requireActor, requirePermission } from '../../platform/auth/actor';
import { closeTicket, createTicket, getTicketDetail, listMyTickets, listTicketQueue, lookupTicket, replyToTicket } from './tickets.service';

const PERMISSION: Permission = 'helpdesk.tickets';

/** 转人工 tickets: anyone opens one; 平台客服 answers them; the asker reads replies signed in or by number + code. */
export const ticketRoutes = async (root: FastifyInstance, ctx: AppContext) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['helpdesk-tickets'];

  app.post('/api/helpdesk/tickets', { ...PUBLIC, schema: { tags, body: TicketCreateInput, response: { 200: TicketCreated } } }, async (req) =>
    createTicket(ctx, { actor: req.actor, origin: originOf(req), body: req.body }),
  );
  app.get('/api/helpdesk/tickets/mine', { schema: { tags, response: { 200: MyTickets } } }, async (req) => listMyTickets(ctx, requireActor(req)));
  app.post('/api/helpdesk/tickets/lookup', { ...PUBLIC, schema: { tags, body: TicketLookupInput, response: { 200: TicketView } } }, async (req) =>
    lookupTicket(ctx, { origin: originOf(req), ...req.body }),
  );
  app.get('/api/helpdesk/tickets', { schema: { tags, querystring: TicketListQuery, response: { 200: TicketPage } } }, async (req) => {
    requirePermission(req, PERMISSION);
    return listTicketQueue(ctx, req.query);
  });
  app.get('/api/helpdesk/tickets/:id', { schema: { tags, params: IdParams, response: { 200: TicketDetail } } }, async (req) =>
    getTicketDetail(ctx, { actor: requirePermission(req, PERMISSION), origin: originOf(req), id: req.params.id }),
  );
  app.post(
    '/api/helpdesk/tickets/:id/reply',
    { schema: { tags, params: IdParams, body: TicketReplyInput, response: { 200: TicketDetail } } },
    async (req) => replyToTicket(ctx, { actor: requirePermission(req, PERMISSION), origin: originOf(req), id: req.params.id, body: req.body.body }),
  );
  app.post('/api/helpdesk/tickets/:id/close', { schema: { tags, params: IdParams, response: { 200: TicketDetail } } }, async (req) =>
    closeTicket(ctx, { actor: requirePermission(req, PERMISSION), origin: originOf(req), id: req.params.id }),
  );
};
