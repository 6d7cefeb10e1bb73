import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  IdParams,
  NewSyncSource,
  PageQuery,
  SyncBatchInput,
  SyncBatchResult,
  SyncRefusalPage,
  SyncSource,
  SyncSourceInput,
  SyncSourceList,
  type Permission,
} from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { originOf, requirePermission } from '../../platform/auth/actor';
import { PUBLIC } from '../../platform/http/access';
import { hitRateLimit } from '../identity';
import {
  ingestBatch,
  listSyncRefusals,
  listSyncSources,
  registerSyncSource,
  revokeSyncSource,
  rotateSyncKey,
  sourceOfKey,
} from './hours-sync.service';

const PERMISSION: Permission = 'hoursSync.sources';
const base = '/api/hours-sync/sources';

/** Wrong keys an address may try a minute before it is held off (a key is 256 bits: this only keeps the log quiet). */
const BAD_KEYS_PER_MINUTE = 20;

/** 学时对接: the province's sources and their status, and the batch endpoint the learning platforms call with their key. */
export const hoursSyncRoutes = async (fastify: FastifyInstance, ctx: AppContext) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['学时对接'];
  const admin = (req: FastifyRequest) => requirePermission(req, PERMISSION);

  app.get(base, { schema: { tags, response: { 200: SyncSourceList } } }, async (req) => listSyncSources(ctx, admin(req)));
  app.post(base, { schema: { tags, body: SyncSourceInput, response: { 200: NewSyncSource } } }, async (req) =>
    registerSyncSource(ctx, admin(req), req.body, originOf(req)),
  );
  app.post(`${base}/:id/revoke`, { schema: { tags, params: IdParams, response: { 200: SyncSource } } }, async (req) =>
    revokeSyncSource(ctx, admin(req), req.params.id, originOf(req)),
  );
  app.post(`${base}/:id/rotate`, { schema: { tags, params: IdParams, response: { 200: NewSyncSource } } }, async (req) =>
    rotateSyncKey(ctx, admin(req), req.params.id, originOf(req)),
  );
  app.get(`${base}/:id/refusals`, { schema: { tags, params: IdParams, querystring: PageQuery, response: { 200: SyncRefusalPage } } }, async (req) =>
    listSyncRefusals(ctx, admin(req), req.params.id, req.query),
  );

  app.post(
    '/api/hours-sync/batches',
    {
      ...PUBLIC,
      schema: {
        tags,
        summary: '学习平台报送学时（每批最多1000条，Authorization: Bearer <对接密钥>）',
        security: [{ syncKey: [] }],
        body: SyncBatchInput,
        response: { 200: SyncBatchResult },
      },
    },
    async (req) => {
      const source = await sourceOfKey(ctx, req.headers.authorization).catch(async (error: unknown) => {
        const origin = originOf(req);
        await hitRateLimit(ctx, { bucket: 'hours-sync-key', key: origin.ip ?? '', limit: BAD_KEYS_PER_MINUTE, origin });
        throw error;
      });
      return ingestBatch(ctx, source, req.body, originOf(req));
    },
  );
};
