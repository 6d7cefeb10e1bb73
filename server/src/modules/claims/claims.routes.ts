import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  Claimant,
  ClaimantLookup,
  ClaimForPersonInput,
  ClaimFormsView,
  ClaimInput,
  ClaimQuote,
  ClaimQuoteInput,
  ClaimReceipt,
  MyHours,
  ReviewQueuePage,
  ScopeRecordsQuery,
} from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { originOf, requireActor, requirePermission } from '../../platform/auth/actor';
import { claimFormsView, findClaimant, listClaimRecords, myHours, quoteClaim, submitClaim, submitClaimForPerson } from './claims.service';

/** 学时(分)申报 (a professional's claims; reviewers use the review engine's queue) and the year's hours. */
export const claimsRoutes = async (fastify: FastifyInstance, ctx: AppContext) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['学时申报'];

  app.get('/api/claims/forms', { schema: { tags, response: { 200: ClaimFormsView } } }, async (req) => {
    requireActor(req);
    return claimFormsView(ctx);
  });
  app.post('/api/claims/quote', { schema: { tags, body: ClaimQuoteInput, response: { 200: ClaimQuote } } }, async (req) =>
    quoteClaim(ctx, requireActor(req), req.body),
  );
  app.post('/api/claims', { schema: { tags, body: ClaimInput, response: { 201: ClaimReceipt } } }, async (req, reply) =>
    reply.status(201).send(await submitClaim(ctx, requireActor(req), req.body, originOf(req))),
  );
  app.post('/api/claims/claimant', { schema: { tags, body: ClaimantLookup, response: { 200: Claimant } } }, async (req) =>
    findClaimant(ctx, requirePermission(req, 'claims.file'), req.body),
  );
  app.post('/api/claims/for-person', { schema: { tags, body: ClaimForPersonInput, response: { 201: ClaimReceipt } } }, async (req, reply) =>
    reply.status(201).send(await submitClaimForPerson(ctx, requirePermission(req, 'claims.file'), req.body, originOf(req))),
  );
  app.get('/api/claims/records', { schema: { tags, querystring: ScopeRecordsQuery, response: { 200: ReviewQueuePage } } }, async (req) =>
    listClaimRecords(ctx, requirePermission(req, 'claims.records'), req.query),
  );
  app.get('/api/me/hours', { schema: { tags, response: { 200: MyHours } } }, async (req) => myHours(ctx, requireActor(req)));
};
