import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  OverdueSubordinates,
  ApproveInput,
  BatchDecisionInput,
  BatchDecisionResult,
  MyRequestsPage,
  MyRequestsQuery,
  RejectInput,
  RequestStateResult,
  RevokeInput,
  ReviewDetail,
  ReviewDetailQuery,
  IdParams,
  ReviewKindOptions,
  ReviewQueuePage,
  ReviewQueueQuery,
  ReviewWaiting,
  ReviewYearCounts,
  ReviewYearCountsQuery,
  requestStatusLabels,
} from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { originOf, requireActor } from '../../platform/auth/actor';
import { decideBatch, decideRequest } from './reviews.decision';
import { withdrawRequest } from './reviews.service';
import { requestAttachmentRoutes } from './reviews.attachments.routes';
import { getForReviewer, listMine, listOverdueSubordinates, listQueue, listReviewableKinds, listWaiting, listYearCounts } from './reviews.queue';
import type { RequestRow } from './reviews.repository';

const presentState = (row: RequestRow): RequestStateResult => ({
  id: row.id,
  status: row.status,
  statusLabel: requestStatusLabels[row.status],
  version: row.version,
});

const BATCH_NOTE = '每条申请单独处理：个别申请处理失败（如已被他人处理）不影响其他申请的审核结果';

const tags = ['审核'];
const typed = (fastify: FastifyInstance) => fastify.withTypeProvider<ZodTypeProvider>();

const readRoutes = (app: ReturnType<typeof typed>, ctx: AppContext) => {
  app.get('/api/reviews', { schema: { tags, querystring: ReviewQueueQuery, response: { 200: ReviewQueuePage } } }, async (req) =>
    listQueue({ ctx, actor: requireActor(req), query: req.query }),
  );

  app.get('/api/reviews/kinds', { schema: { tags, response: { 200: ReviewKindOptions } } }, async (req) => listReviewableKinds(requireActor(req)));

  app.get('/api/reviews/waiting', { schema: { tags, response: { 200: ReviewWaiting } } }, async (req) =>
    listWaiting({ ctx, actor: requireActor(req) }),
  );
  app.get('/api/reviews/overdue-subordinates', { schema: { tags, response: { 200: OverdueSubordinates } } }, async (req) =>
    listOverdueSubordinates(ctx, requireActor(req)),
  );
  app.get('/api/reviews/year-counts', { schema: { tags, querystring: ReviewYearCountsQuery, response: { 200: ReviewYearCounts } } }, async (req) =>
    listYearCounts({ ctx, actor: requireActor(req), kind: req.query.kind }),
  );

  app.get('/api/reviews/:id', { schema: { tags, params: IdParams, querystring: ReviewDetailQuery, response: { 200: ReviewDetail } } }, async (req) =>
    getForReviewer({ ctx, actor: requireActor(req), id: req.params.id, origin: originOf(req), reveal: req.query.reveal === 'true' }),
  );

  app.get('/api/requests/mine', { schema: { tags, querystring: MyRequestsQuery, response: { 200: MyRequestsPage } } }, async (req) =>
    listMine({ ctx, personId: requireActor(req).personId, query: req.query }),
  );
};

const decisionRoutes = (app: ReturnType<typeof typed>, ctx: AppContext) => {
  app.post(
    '/api/reviews/:id/approve',
    { schema: { tags, params: IdParams, body: ApproveInput, response: { 200: RequestStateResult } } },
    async (req) => {
      const actor = requireActor(req);
      const row = await decideRequest({
        ctx,
        actor,
        requestId: req.params.id,
        version: req.body.version,
        decision: 'approve',
        origin: originOf(req),
      });
      return presentState(row);
    },
  );

  app.post(
    '/api/reviews/:id/reject',
    { schema: { tags, params: IdParams, body: RejectInput, response: { 200: RequestStateResult } } },
    async (req) => {
      const actor = requireActor(req);
      const { version, reason } = req.body;
      const row = await decideRequest({ ctx, actor, requestId: req.params.id, version, decision: 'reject', reason, origin: originOf(req) });
      return presentState(row);
    },
  );

  // 审验不通过: the org that approved last takes its approval back; the kind undoes what the approval did.
  app.post(
    '/api/reviews/:id/revoke',
    { schema: { tags, params: IdParams, body: RevokeInput, response: { 200: RequestStateResult } } },
    async (req) => {
      const actor = requireActor(req);
      const { version, reason } = req.body;
      const row = await decideRequest({ ctx, actor, requestId: req.params.id, version, decision: 'revoke', reason, origin: originOf(req) });
      return presentState(row);
    },
  );

  app.post('/api/reviews/batch', { schema: { tags, body: BatchDecisionInput, response: { 200: BatchDecisionResult } } }, async (req) => {
    const actor = requireActor(req);
    const { items, decision, reason } = req.body;
    const logError = (err: unknown) => req.log.error({ err }, 'batch decision item failed');
    const results = await decideBatch({ ctx, actor, items, decision, reason, origin: originOf(req), logError });
    const succeeded = results.filter((r) => r.ok).length;
    return { results, succeeded, failed: results.length - succeeded, note: BATCH_NOTE };
  });

  app.post('/api/requests/:id/withdraw', { schema: { tags, params: IdParams, response: { 200: RequestStateResult } } }, async (req) => {
    const actor = requireActor(req);
    const row = await withdrawRequest({ ctx, by: actor, requestId: req.params.id, origin: originOf(req) });
    return presentState(row);
  });
};

/** The review engine's HTTP API: reviewer queues and decisions, and the applicant's progress and withdrawal. */
export const reviewsRoutes = async (fastify: FastifyInstance, ctx: AppContext) => {
  readRoutes(typed(fastify), ctx);
  decisionRoutes(typed(fastify), ctx);
  // biome-ignore lint/nursery/noMisusedPromises: Fastify awaits an async plugin (its types say so; Biome cannot see them).
  await fastify.register(async (scope) => requestAttachmentRoutes(scope, ctx));
};
