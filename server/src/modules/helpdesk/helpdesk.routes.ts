import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AskInput, AskResult, FeedbackInput, HelpTopics, Ok, PublicKbEntry, SuggestQuery, SuggestResult, KbEntryParams } from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { PUBLIC } from '../../platform/http/access';
import { originOf } from '../../platform/auth/actor';
import { askAssistant, getPublicEntry, listTopics, recordFeedback, suggest } from './ask.service';
import { kbRoutes } from './kb.routes';
import { ticketRoutes } from './tickets.routes';

/** The public help assistant (问答、联想、反馈、帮助主题), plus knowledge-base administration and tickets. */
export const helpdeskRoutes = async (root: FastifyInstance, ctx: AppContext) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['helpdesk'];

  app.post('/api/helpdesk/ask', { ...PUBLIC, schema: { tags, body: AskInput, response: { 200: AskResult } } }, async (req) =>
    askAssistant(ctx, { actor: req.actor, origin: originOf(req), body: req.body }),
  );
  app.get('/api/helpdesk/suggest', { ...PUBLIC, schema: { tags, querystring: SuggestQuery, response: { 200: SuggestResult } } }, async (req) =>
    suggest(ctx, req.query.q),
  );
  app.post('/api/helpdesk/feedback', { ...PUBLIC, schema: { tags, body: FeedbackInput, response: { 200: Ok } } }, async (req) =>
    recordFeedback(ctx, { origin: originOf(req), askId: req.body.askId, helpful: req.body.helpful }),
  );
  app.get('/api/helpdesk/topics', { ...PUBLIC, schema: { tags, response: { 200: HelpTopics } } }, async () => listTopics(ctx));
  app.get('/api/helpdesk/entries/:id', { ...PUBLIC, schema: { tags, params: KbEntryParams, response: { 200: PublicKbEntry } } }, async (req) =>
    getPublicEntry(ctx, req.params.id),
  );

  await kbRoutes(app, ctx);
  await ticketRoutes(app, ctx);
};
