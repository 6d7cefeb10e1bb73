import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { OutboxPage, PageQuery } from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { requirePermission } from '../../platform/auth/actor';
import { listOutbox } from './ops.service';

/** 平台运维: the outbox of every message the platform sent, which the demo also reads its codes from. */
export const opsRoutes = async (root: FastifyInstance, ctx: AppContext) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/api/ops/outbox', { schema: { tags: ['ops'], querystring: PageQuery, response: { 200: OutboxPage } } }, async (req) => {
    requirePermission(req, 'ops.outbox');
    return listOutbox(ctx, req.query);
  });
};
