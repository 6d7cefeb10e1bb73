import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  KbEntryEditInput,
  KbEntryEditUpdate,
  KbListQuery,
  KbRecordDetail,
  KbRecordPage,
  KbVersionInput,
  KbEntryParams,
  type Permission,
} from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import { originOf, requirePermission } from '../../platform/auth/actor';
import {
  createKnowledgeBaseEntry,
  editKnowledgeBaseEntry,
  getKnowledgeBaseEntry,
  listKnowledgeBase,
  restoreKnowledgeBaseEntry,
  retireKnowledgeBaseEntry,
} from './kb.service';

const PERMISSION: Permission = 'helpdesk.kb';

/** 知识库管理: every bureau with the module reads; only the province bureau writes (see helpdesk.policy). */
export const kbRoutes = async (root: FastifyInstance, ctx: AppContext) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['helpdesk-kb'];
  const change = (req: Parameters<typeof requirePermission>[0]) => ({ actor: requirePermission(req, PERMISSION), origin: originOf(req) });

  app.get('/api/helpdesk/kb', { schema: { tags, querystring: KbListQuery, response: { 200: KbRecordPage } } }, async (req) =>
    listKnowledgeBase(ctx, requirePermission(req, PERMISSION), req.query),
  );
  app.get('/api/helpdesk/kb/:id', { schema: { tags, params: KbEntryParams, response: { 200: KbRecordDetail } } }, async (req) =>
    getKnowledgeBaseEntry(ctx, requirePermission(req, PERMISSION), req.params.id),
  );
  app.post('/api/helpdesk/kb', { schema: { tags, body: KbEntryEditInput, response: { 200: KbRecordDetail } } }, async (req) =>
    createKnowledgeBaseEntry(ctx, change(req), req.body),
  );
  app.put(
    '/api/helpdesk/kb/:id',
    { schema: { tags, params: KbEntryParams, body: KbEntryEditUpdate, response: { 200: KbRecordDetail } } },
    async (req) => editKnowledgeBaseEntry(ctx, change(req), req.params.id, req.body),
  );
  app.post(
    '/api/helpdesk/kb/:id/retire',
    { schema: { tags, params: KbEntryParams, body: KbVersionInput, response: { 200: KbRecordDetail } } },
    async (req) => retireKnowledgeBaseEntry(ctx, change(req), req.params.id, req.body.version),
  );
  app.post(
    '/api/helpdesk/kb/:id/restore',
    { schema: { tags, params: KbEntryParams, body: KbVersionInput, response: { 200: KbRecordDetail } } },
    async (req) => restoreKnowledgeBaseEntry(ctx, change(req), req.params.id, req.body.version),
  );
};
